// docs/migrating.md's Helm and Kustomize guides, run: every block titled `file=PATH` is written into
// an empty folder and every line of the guide's `sh` blocks runs there, against a real helm and
// kubectl. A changed guide is tested as it now reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { NO_HELM, testHelm } from "../support/helm.js";

const guide = readFileSync(join(repoRoot, "docs", "migrating.md"), "utf8");
const helm = testHelm();
const kubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" });

function section(title: string): string {
  const start = guide.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `docs/migrating.md has a "${title}" section`);
  const end = guide.indexOf("\n## ", start + 1);
  return guide.slice(start, end < 0 ? undefined : end);
}

/** Write the section's files into a fresh folder and run its commands there; the folder. */
function runGuide(title: string, env: Record<string, string>): string {
  const text = section(title);
  const dir = join(tempDir("tkc-guide-"), "project");
  let files = 0;
  for (const block of text.matchAll(/```\w+ file=(\S+)\n([\s\S]*?)```/g)) {
    const file = join(dir, block[1]!);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, block[2]!);
    files++;
  }
  assert.ok(files >= 4, `${title}: the guide's files`);
  const commands = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split("\n").map((line) => line.trim()).filter(Boolean));
  assert.deepEqual(commands, ["tkc check .", "tkc build ."]);
  for (const command of commands) {
    const [tool, ...args] = command.split(" ");
    assert.equal(tool, "tkc");
    const result = runTkc(args, { cwd: dir, env });
    assert.equal(result.status, 0, `${title}: ${command}\n${result.stdout}${result.stderr}`);
  }
  return dir;
}

const deployment = (bundle: string) => parse([...readTree(join(bundle, "objects")).entries()].find(([name]) => name.includes("-deployment-"))![1]);

test("docs/migrating.md, From Helm: the chart's values per environment build into a release", { skip: helm ? false : NO_HELM }, () => {
  const dir = runGuide("From Helm", { TKC_HELM: helm! });
  const prod = deployment(join(dir, "out", "web", "prod"));
  assert.equal(prod.spec.replicas, 3);
  assert.equal(prod.metadata.namespace, "web-prod");
  assert.deepEqual(prod.spec.template.spec.containers[0].resources, { requests: { cpu: "100m", memory: "128Mi" } });
  const dev = deployment(join(dir, "out", "web", "dev"));
  assert.deepEqual(dev.spec.template.spec.containers[0].env, [{ name: "LOG_LEVEL", value: "debug" }]);
  const record = JSON.parse(readFileSync(join(dir, "out", "web", "prod", "bundle.json"), "utf8")).dependencies[0];
  assert.equal(record.version, "1.4.0");
});

test("docs/migrating.md, From Kustomize: base and overlay build into a release with environments", { skip: kubectl.error || kubectl.status !== 0 ? "kubectl is not on PATH" : false }, () => {
  const dir = runGuide("From Kustomize", {});
  const prod = deployment(join(dir, "out", "api", "prod"));
  assert.equal(prod.spec.replicas, 4);
  assert.equal(prod.metadata.namespace, "api-prod");
  assert.equal(prod.spec.template.spec.securityContext.runAsNonRoot, true);
  assert.equal(deployment(join(dir, "out", "api", "dev")).spec.replicas, 1);
});

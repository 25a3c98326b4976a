import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { assertRoundTrip, builtObjects, objectsOf } from "./round-trip.js";

const guide = readFileSync(join(repoRoot, "docs", "migrating.md"), "utf8");
const section = guide.slice(guide.indexOf("## From plain YAML"), guide.indexOf("### What the importer does"));

test("docs/migrating.md, from plain YAML: the worked example's commands give the outputs shown", () => {
  const dir = tempDir("tkc-guide-");
  const inputs = [...section.matchAll(/`([\w./-]+\.yaml)`:\n\n```yaml\n([\s\S]*?)```/g)];
  assert.ok(inputs.length > 0, "the guide shows no input file");
  for (const [, file, content] of inputs) {
    mkdirSync(dirname(join(dir, file!)), { recursive: true });
    writeFileSync(join(dir, file!), content!);
  }
  // Each ```sh block holds one command; a ```text block right after it shows lines of its output.
  const steps = [...section.matchAll(/```sh\n(tkc [^\n]+)\n```(?:\n\n```text\n([\s\S]*?)```)?/g)];
  assert.ok(steps.length >= 3, "the guide shows fewer than three commands");
  for (const [, command, shown] of steps) {
    const result = runTkc(command!.split(" ").slice(1), { cwd: dir });
    assert.equal(result.status, 0, `${command}\n${result.stdout}${result.stderr}`);
    for (const line of (shown ?? "").split("\n").filter(Boolean)) {
      assert.ok((result.stdout + result.stderr).includes(line), `${command}: the guide shows "${line}", which the output lacks:\n${result.stdout}${result.stderr}`);
    }
  }
  // The code excerpt is the start of the generated descriptor.
  const excerpt = /```ts\n([\s\S]*?)\n {2}\.\.\.\n```/.exec(section)?.[1];
  assert.ok(excerpt, "the guide shows no code excerpt");
  assert.ok(readFileSync(join(dir, "shop", "web.k8s.ts"), "utf8").startsWith(excerpt + "\n"), "the excerpt is not the start of shop/web.k8s.ts");
  // And the promise of the guide: the same objects, but the Secret it says is left out.
  const input = objectsOf([join(dir, "k8s", "web.yaml")]).filter((o) => o.kind !== "Secret");
  assertRoundTrip(input, builtObjects(join(dir, "shop", "out", "shop", "prod")), "shop");
});

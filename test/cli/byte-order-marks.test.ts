import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { lookupDockerConfig } from "../../compiler/oci/credentials.js";

// Windows editors and PowerShell 5's `Out-File -Encoding utf8` start a file with a UTF-8
// byte-order mark. tsc, npm and kubectl read such JSON; JSON.parse refuses it, so tkc refused a
// marked tkc.config.json ("Unexpected token") and read a marked package.json as declaring nothing.
const BOM = "\uFEFF";

function hello(): string {
  const dir = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), dir, { recursive: true, filter: (path) => !path.includes("expected") });
  return dir;
}

test("a tkc.config.json that starts with a byte-order mark is read; its mistakes are placed as an editor counts columns", () => {
  const project = hello();
  writeFileSync(join(project, "tkc.config.json"), `${BOM}{ "kubeVersion": "1.35", "outDir": "built" }\r\n`);
  const built = runTkc(["build", project]);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /hello\/dev: revision 1 .* -> .*built\/hello\/dev/);
  const history = runTkc(["history", project, "--env", "dev"]);
  assert.equal(history.status, 0, history.stderr);
  assert.match(history.stdout, /built\/hello\/history\/dev/);

  writeFileSync(join(project, "tkc.config.json"), `${BOM}{ "kubeVersion": 1.35 }\n`);
  const wrong = runTkc(["check", project]);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /tkc\.config\.json:1:3 error TKC1002: "kubeVersion" in tkc\.config\.json must be a string, not a number/);
});

test("a package.json that starts with a byte-order mark declares its dependencies", () => {
  const project = hello();
  writeFileSync(join(project, "package.json"), BOM + JSON.stringify({ name: "p", private: true, dependencies: { naming: "1.0.0" } }));
  mkdirSync(join(project, "node_modules", "naming"), { recursive: true });
  writeFileSync(join(project, "node_modules", "naming", "package.json"), JSON.stringify({ name: "naming", main: "index.js" }));
  writeFileSync(join(project, "node_modules", "naming", "index.js"), 'module.exports = { name: (n) => n + "-svc" };');
  writeFileSync(join(project, "release.k8s.ts"), [
    'import { release, service } from "tkc";',
    "// @ts-ignore: no types for this test package",
    'import naming from "naming";',
    'export default release({ name: "hello", version: "1.0.0", environments: { dev: { namespace: "hello" } }, components: [service({ name: naming.name("api"), image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } })] });',
    "",
  ].join("\n"));
  const built = runTkc(["build", project, "--out", join(project, "out")]);
  assert.equal(built.status, 0, built.stderr);
});

test("a Docker config.json that starts with a byte-order mark gives its credentials", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "config.json"), BOM + JSON.stringify({ auths: { "registry.example.com": { auth: Buffer.from("ci:secret").toString("base64") } } }));
  const found = lookupDockerConfig("registry.example.com", { DOCKER_CONFIG: dir });
  assert.equal(found.credential?.username, "ci", found.tried);
  assert.equal(found.credential?.password, "secret");
});

// Windows PowerShell 5.1 writes `kubectl get cm settings -o yaml > settings.yaml` as UTF-16LE with
// a byte-order mark; kubectl reads such files (its reader decodes by the mark). tkc read them as
// UTF-8: "this document is not a Kubernetes object: it is a string".
test("manifests and values files in UTF-16 with a byte-order mark are read, as kubectl reads them", () => {
  const dir = tempDir();
  const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: grüße\ndata:\n  greeting: \"grüß dich ✓\"\n";
  const utf16 = (text: string, endian: "le" | "be") => {
    const le = Buffer.from(text, "utf16le");
    return endian === "le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
  };
  writeFileSync(join(dir, "le.yaml"), utf16(yaml.replace("grüße", "settings-le"), "le"));
  writeFileSync(join(dir, "be.yaml"), utf16(yaml.replace("grüße", "Settings_BE"), "be"));
  const validated = runTkc(["validate", "le.yaml", "be.yaml"], { cwd: dir });
  // one mistake, in be.yaml, found where it is: the file was read, not refused as a string
  assert.equal(validated.status, 1);
  assert.match(validated.stderr, /^be\.yaml:4:3 error TKC3101: name "Settings_BE" is not a valid DNS-1123 subdomain/m);
  assert.doesNotMatch(validated.stderr, /le\.yaml|it is a string|TKC1105/);
  const kubectl = spawnSync("kubectl", ["label", "--local", "-f", join(dir, "le.yaml"), "x=y", "-o", "json"], { encoding: "utf8" });
  if (!kubectl.error && kubectl.status === 0) assert.equal(JSON.parse(kubectl.stdout).data.greeting, "grüß dich ✓", "kubectl reads the same text");

  // standard input, an import, and a values file
  const piped = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "validate", "-"], { input: utf16(yaml.replace("grüße", "piped"), "le"), encoding: "utf8" });
  assert.equal(piped.status, 0, piped.stderr);
  const out = join(tempDir(), "imported");
  const imported = runTkc(["import", "yaml", "le.yaml", "--out", out], { cwd: dir });
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(readFileSync(join(out, "settings-le.k8s.ts"), "utf8"), /grüß dich ✓/);
  const app = join(tempDir(), "app");
  assert.equal(runTkc(["init", app]).status, 0);
  writeFileSync(join(app, "values.yaml"), utf16("imageTag: \"1.29.0\"\n", "le"));
  const built = runTkc(["build", app, "--env", "dev", "--values", join(app, "values.yaml"), "--out", "-"]);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /image: nginxinc\/nginx-unprivileged:1\.29\.0/);
});

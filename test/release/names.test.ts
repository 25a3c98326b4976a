import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";
import { bigProject, edit } from "./support.js";

test("outDir in tkc.config.json is confined to the project unless --out is given", () => {
  const project = bigProject(1, 1);
  const teamB = join(project, "..", "teamB");
  mkdirSync(teamB);
  writeFileSync(join(teamB, "keep.txt"), "team B\n");
  writeFileSync(join(project, "tkc.config.json"), JSON.stringify({ entry: "release.k8s.ts", outDir: "../teamB" }));
  const build = runTkc(["build", project]);
  assert.equal(build.status, 1);
  assert.match(build.stderr, /error TKC4007: outDir "\.\.\/teamB" in tkc\.config\.json resolves to .*teamB, outside the project/);
  assert.deepEqual(readdirSync(teamB), ["keep.txt"]);
  assert.match(runTkc(["history", project, "--env", "dev"]).stderr, /TKC4007: .*outside the project/);

  // A link inside the project that leaves it counts as outside too.
  symlinkSync(teamB, join(project, "linked-out"));
  writeFileSync(join(project, "tkc.config.json"), JSON.stringify({ entry: "release.k8s.ts", outDir: "linked-out/x" }));
  assert.match(runTkc(["build", project]).stderr, /TKC4007: .*outside the project/);
  assert.deepEqual(readdirSync(teamB), ["keep.txt"]);

  const explicit = runTkc(["build", project, "--out", join(teamB, "out")]);
  assert.equal(explicit.status, 0, explicit.stderr);
  assert.ok(existsSync(join(teamB, "out", "big", "dev", "bundle.json")));
});

test("a 253-character ConfigMap name makes a short file name; environment names follow DNS-label rules", () => {
  const project = bigProject(1, 1);
  const file = join(project, "release.k8s.ts");
  edit(file, "export default release({", `components.push(configMap({ name: "${"c".repeat(253)}", data: { a: "1" } }));\nexport default release({`);
  edit(file, 'import { release, service } from "tkc";', 'import { configMap, release, service } from "tkc";');
  const out = tempDir();
  const build = runTkc(["build", project, "--out", out]);
  assert.equal(build.status, 0, build.stderr);
  const long = readdirSync(join(out, "big", "dev", "objects")).find((name) => name.includes("-configmap-ccc"))!;
  assert.ok(Buffer.byteLength(long) <= 200, long);
  assert.match(long, /^\d{3}-configmap-c+-[0-9a-f]{8}\.yaml$/);

  edit(file, "environments: { dev:", `environments: { ${"e".repeat(64)}: { namespace: "big" }, dev:`);
  const refused = runTkc(["build", project, "--out", tempDir()]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /TKC2112: environment name 'e{64}' is not a DNS-1123 label of at most 63 characters/);
  assert.equal(runTkc(["history", "big", "--env", "../../etc", "--out", out]).status, 1);
});

test("history and rollback need no release inside a project, as build needs no project; outside one they say so", () => {
  const project = bigProject(1, 1);
  writeFileSync(join(project, "tkc.config.json"), JSON.stringify({ entry: "release.k8s.ts" }));
  assert.equal(runTkc(["build", project]).status, 0);
  writeFileSync(join(project, "release.k8s.ts"), readFileSync(join(project, "release.k8s.ts"), "utf8").replace('"1.0.0"', '"1.0.1"').replace("svc:1.0.", "svc:1.1."));
  assert.equal(runTkc(["build", project]).status, 0);
  const sub = join(project, "docs");
  mkdirSync(sub);

  const history = runTkc(["history"], { cwd: sub });
  assert.equal(history.status, 0, history.stderr);
  assert.match(history.stdout, /^big\/dev \(\.\.\/out\/big\/history\/dev\)\n/);
  assert.match(history.stdout, /^2 +1\.0\.1 /m);
  const rolled = runTkc(["rollback", "--env", "dev", "--to", "1"], { cwd: sub });
  assert.equal(rolled.status, 0, rolled.stderr);
  assert.match(rolled.stdout, /^big\/dev: revision 3 rolls back revision 2 to revision 1 \(version 1\.0\.0\)/);

  const outside = tempDir("tkc-no-project-");
  const lost = runTkc(["history"], { cwd: outside });
  assert.equal(lost.status, 1);
  assert.match(lost.stderr, /^error TKC4004: \S+ is not in a tkc project \(no tkc\.config\.json in it or above it\), and no release of that name has a history under \S+\/out\n  hint: run the command inside a project, or name the project directory or the release/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readTree } from "../support/files.js";
import { runTkc, tempDir } from "../support/cli.js";
import { copyShop, edit } from "./support.js";

const env = { SOURCE_DATE_EPOCH: "1767225600" };

test("build -> change -> build -> history -> rollback: revisions, versions and byte-identical rollback", () => {
  const shop = copyShop();
  const out = tempDir();
  const build = (...extra: string[]) => runTkc(["build", shop, "--env", "prod", "--out", out, ...extra], { env });

  const first = build();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^shop\/prod: revision 1 \(version 2\.4\.0\), \+29 ~0 -0 objects, sha256:[0-9a-f]{12}…/);
  const revision1 = readTree(join(out, "shop", "prod"));

  const same = build();
  assert.match(same.stdout, /^shop\/prod: unchanged, revision 1 \(version 2\.4\.0\), 29 objects/);

  // With --strict-version, different content under the same version is refused, and nothing is written.
  edit(join(shop, "worker.k8s.ts"), "prod: 3", "prod: 6");
  const refused = build("--strict-version");
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /error TKC4001: shop\/prod: version 2\.4\.0 was already released as revision 1 with other content[\s\S]*hint: bump the version in release\(\{ version \}\) \(e\.g\. 2\.4\.1\), or pass --allow-same-version/);
  assert.deepEqual(readTree(join(out, "shop", "prod")), revision1);

  edit(join(shop, "release.k8s.ts"), 'version: "2.4.0"', 'version: "2.5.0"');
  edit(join(shop, "release.k8s.ts"), "    cleanup,\n", "");
  // The database stops admitting the removed cron job (naming it would be TKC3341).
  edit(join(shop, "postgres.k8s.ts"), `, "nightly-cleanup"]`, "]");
  const second = build();
  assert.equal(second.status, 0, second.stderr);
  // +1 -1 more: the database's NetworkPolicy is renamed postgres-from-api-orders-worker.
  assert.match(second.stdout, /^shop\/prod: revision 2 \(version 2\.5\.0\), \+1 ~1 -2 objects/);
  const manifest = JSON.parse(readFileSync(join(out, "shop", "prod", "bundle.json"), "utf8"));
  assert.deepEqual(manifest.removed, [
    { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", namespace: "shop-prod", name: "postgres-from-api-orders-worker-nightly-cleanup" },
    { apiVersion: "batch/v1", kind: "CronJob", namespace: "shop-prod", name: "nightly-cleanup" },
  ]);

  const history = runTkc(["history", "shop", "--env", "prod", "--out", out, "--format", "json"]);
  assert.equal(history.status, 0, history.stderr);
  const records = JSON.parse(history.stdout);
  assert.deepEqual(records.map((r: { revision: number; version: string }) => [r.revision, r.version]), [[1, "2.4.0"], [2, "2.5.0"]]);
  assert.equal(records[1].parentDigest, records[0].digest);
  assert.equal(records[0].createdAt, "2026-01-01T00:00:00Z");

  const rolledBack = runTkc(["rollback", "shop", "--env", "prod", "--to", "1", "--out", out], { env });
  assert.equal(rolledBack.status, 0, rolledBack.stderr);
  assert.match(rolledBack.stdout, /revision 3 rolls back revision 2 to revision 1 \(version 2\.4\.0\)[\s\S]*~ Deployment shop-prod\/orders-worker[\s\S]*\+ CronJob shop-prod\/nightly-cleanup \(restored\)/);
  const after = readTree(join(out, "shop", "prod"));
  for (const [file, content] of revision1) if (file !== "bundle.json") assert.equal(after.get(file), content, `${file} is byte-identical to revision 1`);
  const rolledManifest = JSON.parse(after.get("bundle.json")!);
  assert.equal(rolledManifest.digest, JSON.parse(revision1.get("bundle.json")!).digest);

  const text = runTkc(["history", "shop", "--env", "prod", "--out", out, "--verify"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^3\s+2\.4\.0\s+2026-01-01 00:00:00Z\s+sha256:[0-9a-f]{12}\s+\+2 ~1 -1\s+\S+\s+rollback to 1$/m);
  assert.match(text.stderr, /verified 3 revisions/);
});

test("new content under a released version is a new revision with a note; strict refusal is opt-in (flag or config)", () => {
  const shop = copyShop();
  const out = tempDir();
  const build = (...extra: string[]) => runTkc(["build", shop, "--env", "prod", "--out", out, ...extra], { env });
  assert.equal(build().status, 0);
  edit(join(shop, "worker.k8s.ts"), "prod: 3", "prod: 6");
  const second = build();
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /^shop\/prod: revision 2 \(version 2\.4\.0\), \+0 ~1 -0 objects[^\n]*\n  note: new content under version 2\.4\.0, already released as revision 1/);
  const records = JSON.parse(runTkc(["history", "shop", "--env", "prod", "--out", out, "--format", "json"]).stdout);
  assert.equal(records[1].note, "new content under version 2.4.0, already released as revision 1");
  assert.match(runTkc(["history", "shop", "--env", "prod", "--out", out]).stdout, /^2 .*new content under version 2\.4\.0/m);

  const config = join(shop, "tkc.config.json");
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), strictVersion: true }));
  edit(join(shop, "worker.k8s.ts"), "prod: 6", "prod: 7");
  const refused = build();
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /error TKC4001: shop\/prod: version 2\.4\.0 was already released as revision 2 with other content/);
  assert.equal(build("--allow-same-version").status, 0, "--allow-same-version overrides the strict setting");
});

test("revision digests are deterministic: the same sources give the same digests in a fresh history", () => {
  const digests = () => {
    const out = tempDir();
    const result = runTkc(["build", copyShop(), "--out", out], { env });
    assert.equal(result.status, 0, result.stderr);
    return [...result.stdout.matchAll(/sha256:[0-9a-f]{12}/g)].map((m) => m[0]);
  };
  assert.deepEqual(digests(), digests());
});

test("--keep prunes old revisions, and a pruned revision cannot be rolled back to", () => {
  const shop = copyShop();
  const out = tempDir();
  for (const replicas of [5, 6, 7]) {
    edit(join(shop, "worker.k8s.ts"), /prod: \d+ \}/, `prod: ${replicas} }`);
    const result = runTkc(["build", shop, "--env", "prod", "--out", out, "--allow-same-version", "--keep", "2"], { env });
    assert.equal(result.status, 0, result.stderr);
  }
  const history = JSON.parse(runTkc(["history", "shop", "--env", "prod", "--out", out, "--format", "json"]).stdout);
  assert.deepEqual(history.map((r: { revision: number }) => r.revision), [2, 3]);
  const gone = runTkc(["rollback", "shop", "--env", "prod", "--to", "1", "--out", out]);
  assert.equal(gone.status, 1);
  assert.match(gone.stderr, /error TKC4006: shop\/prod has no revision 1 \(it was pruned by --keep\)[\s\S]*hint: choose one of the kept revisions 2-3/);
  // A count that is not one: refused before anything is built (it once pruned nothing, silently).
  for (const [keep, said] of [["abc", "--keep needs a whole number"], ["0", "--keep 0: give a whole number"], ["-1", "--keep -1: give a whole number"]]) {
    for (const command of [["build", shop, "--env", "prod"], ["rollback", "shop", "--env", "prod", "--to", "2"]]) {
      const refused = runTkc([...command, "--out", out, "--keep", keep]);
      assert.equal(refused.status, 2, `${command[0]} --keep ${keep}: ${refused.stderr}`);
      assert.ok(refused.stderr.startsWith(`error: ${said} of revisions, at least 1\n`), refused.stderr);
    }
  }
  assert.deepEqual(JSON.parse(runTkc(["history", "shop", "--env", "prod", "--out", out, "--format", "json"]).stdout).map((r: { revision: number }) => r.revision), [2, 3]);
});

test("tampering and corruption are reported with a recovery hint, never a crash", () => {
  const shop = copyShop();
  const out = tempDir();
  assert.equal(runTkc(["build", shop, "--env", "prod", "--out", out]).status, 0);
  const manifest = JSON.parse(readFileSync(join(out, "shop", "prod", "bundle.json"), "utf8"));
  const workerFile: string = manifest.objects.find((o: { name: string }) => o.name === "orders-worker").file;
  const file = join(out, "shop", "history", "prod", "000001", workerFile);
  writeFileSync(file, readFileSync(file, "utf8").replace("replicas: 3", "replicas: 30"));
  const verify = runTkc(["history", "shop", "--env", "prod", "--out", out, "--verify"]);
  assert.equal(verify.status, 1);
  assert.match(verify.stderr, new RegExp(`000001/${workerFile}:1:1 error TKC4005: revision 1: ${workerFile} was modified after it was recorded`));

  writeFileSync(join(out, "shop", "history", "prod", "000001", "revision.json"), "{ not json");
  const corrupt = runTkc(["history", "shop", "--env", "prod", "--out", out]);
  assert.equal(corrupt.status, 1);
  assert.match(corrupt.stderr, /error TKC4002: revision 1's revision\.json is not valid JSON[\s\S]*hint: restore the file from git, or delete the revision's directory/);
  assert.doesNotMatch(corrupt.stderr, /\n\s+at /);
  const build = runTkc(["build", shop, "--env", "prod", "--out", out]);
  assert.equal(build.status, 1);
  assert.match(build.stderr, /TKC4002/);

  rmSync(join(out, "shop", "history", "prod", "000001"), { recursive: true });
  const missing = runTkc(["history", "shop", "--env", "prod", "--out", out]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no revisions of shop\/prod/);
});

test("an unchanged build restores a current bundle file that was replaced by hand", () => {
  const shop = copyShop();
  const out = tempDir();
  assert.equal(runTkc(["build", shop, "--env", "prod", "--out", out], { env }).status, 0);
  const dir = join(out, "shop", "prod");
  const before = readTree(dir);
  const file = join(dir, [...before.keys()].find((name) => name.endsWith("-deployment-api.yaml"))!);
  rmSync(file);
  writeFileSync(file, "# edited by hand\n");
  const again = runTkc(["build", shop, "--env", "prod", "--out", out], { env });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /unchanged, revision 1/);
  assert.deepEqual(readTree(dir), before);
  assert.equal(runTkc(["history", "shop", "--env", "prod", "--out", out, "--verify"]).status, 0);

  // With the warm cache of the previous build: an in-place append (same inode) is still repaired.
  const cached = { ...env, TKC_CACHE_DIR: tempDir() };
  assert.equal(runTkc(["build", shop, "--env", "prod", "--out", out], { env: cached }).status, 0);
  appendFileSync(file, "# appended in place\n");
  const warm = runTkc(["build", shop, "--env", "prod", "--out", out], { env: cached });
  assert.equal(warm.status, 0, warm.stderr);
  assert.match(warm.stdout, /unchanged, revision 1/);
  assert.deepEqual(readTree(dir), before);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// A file where the output folder should be once ended build, rollback, import and init in
// "internal error (this is a bug in tkc)", a stack trace and exit 70.
test("a file in the way of the output is one TKC4008 error naming the path, for every command that writes", () => {
  const dir = tempDir();
  const inTheWay = join(dir, "notes.txt");
  writeFileSync(inTheWay, "not a folder\n");
  const shop = join(repoRoot, "examples", "shop");
  // rollback first lists the history it would write to: a listing serves reading too.
  const runs: [string, readonly string[], string][] = [
    ["build", ["build", shop, "--env", "dev", "--out", inTheWay], "write notes.txt/shop/history/dev"],
    ["rollback", ["rollback", shop, "--env", "dev", "--to", "1", "--out", inTheWay], "read or write notes.txt"],
    ["init", ["init", join(inTheWay, "project")], "write notes.txt/project"],
  ];
  for (const [name, args, path] of runs) {
    const result = runTkc(args, { cwd: dir });
    assert.equal(result.status, 1, `${name}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(`^error TKC4008: cannot ${path.replace(/[./]/g, "\\$&")}: a part of the path is a file, not a folder\\n  hint: point the command at a folder tkc may write`), name);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, `${name}: no stack trace`);
  }
  assert.deepEqual(readdirSync(dir), ["notes.txt"], "nothing written beside it");
});

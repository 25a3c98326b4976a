import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/cli.js";

// Every diagnostic code tkc can report has its page under docs/errors/, as error messages promise.
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith(".ts")) out.push(full);
  }
  return out;
}

test("every TKC code used in the compiler and stdlib has a docs/errors page", () => {
  const codes = new Set<string>();
  for (const dir of ["compiler", "stdlib"]) {
    for (const file of sources(join(repoRoot, dir))) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`](TKC\d{4})["'`]/g)) codes.add(match[1]!);
    }
  }
  assert.ok(codes.size > 100, `found ${codes.size} codes`);
  const missing = [...codes].filter((code) => !existsSync(join(repoRoot, "docs", "errors", `${code}.md`))).sort();
  assert.deepEqual(missing, []);
});

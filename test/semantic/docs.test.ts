import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sourceDir = join(root, "compiler/validate/semantic");

function codesInSource(dir: string): Set<string> {
  const codes = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const c of codesInSource(path)) codes.add(c);
    else if (entry.name.endsWith(".ts")) for (const m of readFileSync(path, "utf8").matchAll(/"(TKC\d{4})"/g)) codes.add(m[1]!);
  }
  return codes;
}

test("every code is in range, documented, listed in the README and exercised by a test", () => {
  const codes = codesInSource(sourceDir);
  assert.ok(codes.size > 50);
  const readme = readFileSync(join(sourceDir, "README.md"), "utf8");
  const tests = readdirSync(join(root, "test/semantic")).filter((f) => f.endsWith(".test.ts") && f !== "docs.test.ts").map((f) => readFileSync(join(root, "test/semantic", f), "utf8")).join("\n");
  for (const code of codes) {
    assert.match(code, /^TKC3[1-9]\d\d$/);
    assert.ok(existsSync(join(root, "docs/errors", `${code}.md`)), `docs/errors/${code}.md is missing`);
    assert.ok(readme.includes(`| ${code} |`), `${code} is not listed in README.md`);
    assert.ok(tests.includes(`"${code}"`), `${code} has no test asserting it`);
  }
});

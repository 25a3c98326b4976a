// The codes registry (compiler/diagnostics/codes.ts) is the one list of diagnostic codes: every
// code the sources use is in it, every entry has its page with the same title, and the committed
// docs/errors/README.md is what scripts/error-index.ts renders from it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/cli.js";
import { CODE_RANGES, CODE_STAGES, CODES } from "../../compiler/diagnostics/codes.js";
import { ERROR_INDEX, renderErrorIndex } from "../../scripts/error-index.js";

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith(".ts") ? [full] : [];
  });
}

/** Every quoted `"TKCnnnn"` in tkc's sources (call sites, code tables, the schema overlay's enums). */
function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["compiler", "stdlib", "syntax", "schemas/generator"]) {
    for (const file of sources(join(repoRoot, dir))) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`](TKC\d{4})["'`]/g)) {
        if (!found.has(match[1]!)) found.set(match[1]!, file.slice(repoRoot.length + 1));
      }
    }
  }
  return found;
}

const pages = readdirSync(join(repoRoot, "docs", "errors")).filter((f) => /^TKC\d{4}\.md$/.test(f)).map((f) => f.slice(0, -3)).sort();

test("every code used in the sources is in the registry", () => {
  const used = codesInSources();
  assert.ok(used.size > 300, `found ${used.size} codes in the sources`);
  const missing = [...used].filter(([code]) => CODES[code] === undefined).map(([code, file]) => `${code} (${file})`);
  assert.deepEqual(missing, [], "add these to compiler/diagnostics/codes.ts, then run node --import tsx scripts/error-index.ts");
});

test("every registry entry has its docs/errors page, headed by the registry's title, and every page is in the registry", () => {
  const wrong: string[] = [];
  for (const [code, info] of Object.entries(CODES)) {
    const page = join(repoRoot, "docs", "errors", `${code}.md`);
    if (!existsSync(page)) {
      wrong.push(`${code}: no page`);
      continue;
    }
    const heading = readFileSync(page, "utf8").split("\n", 1)[0];
    if (heading !== `# ${code}: ${info.title}`) wrong.push(`${code}: page heading ${JSON.stringify(heading)}, registry title ${JSON.stringify(info.title)}`);
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(pages, Object.keys(CODES).sort(), "pages without a registry entry");
});

test("every registry code is in a documented range and names a known stage", () => {
  for (const [code, info] of Object.entries(CODES)) {
    const n = Number(code.slice(3));
    assert.ok(CODE_RANGES.some((r) => n >= r.from && n <= r.to), `${code} is in no range of CODE_RANGES`);
    assert.ok(info.stage in CODE_STAGES, `${code}: unknown stage ${info.stage}`);
  }
});

test("docs/errors/README.md is the index rendered from the registry", () => {
  const committed = readFileSync(join(repoRoot, ERROR_INDEX), "utf8");
  assert.equal(committed, renderErrorIndex(), "run node --import tsx scripts/error-index.ts");
  for (const code of Object.keys(CODES)) assert.ok(committed.includes(`| [${code}](${code}.md) |`), `${code} is listed`);
});

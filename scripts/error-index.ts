// Renders docs/errors/README.md, the index of every diagnostic code, from the registry in
// compiler/diagnostics/codes.ts. `node --import tsx scripts/error-index.ts` rewrites the file;
// test/docs/codes-registry.test.ts fails when the committed index differs from this output.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CODE_RANGES, CODE_STAGES, CODES } from "../compiler/diagnostics/codes.js";

export const ERROR_INDEX = "docs/errors/README.md";

/** A table cell: pipes escaped so a title cannot split the row. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

export function renderErrorIndex(): string {
  const lines = [
    "# Diagnostic codes",
    "",
    "<!-- Generated from compiler/diagnostics/codes.ts by `node --import tsx scripts/error-index.ts`; do not edit. -->",
    "",
    "Every code tkc reports, with its page. `tkc explain <code>` prints the same title, severity and stage, then the page.",
    "Codes starting with `TS` are TypeScript's own, from the type check.",
    "Severity `policy` is an error in `tkc build` and a warning in `tkc validate` (`--policy error` makes it an error).",
    "",
    "## Ranges",
    "",
    "| codes | area |",
    "|---|---|",
    ...CODE_RANGES.map((r) => `| TKC${r.from}-TKC${r.to} | ${cell(r.area)} |`),
    "",
    "## Stages",
    "",
    "| stage | reported by |",
    "|---|---|",
    ...Object.entries(CODE_STAGES).map(([stage, by]) => `| ${stage} | ${cell(by)} |`),
    "",
    "## Codes",
    "",
    "| code | title | severity | stage |",
    "|---|---|---|---|",
    ...Object.keys(CODES).sort().map((code) => {
      const info = CODES[code]!;
      return `| [${code}](${code}.md) | ${cell(info.title)} | ${info.severity} | ${info.stage} |`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
  writeFileSync(join(root, ERROR_INDEX), renderErrorIndex());
  console.error(`wrote ${ERROR_INDEX} (${Object.keys(CODES).length} codes)`);
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Argv } from "yargs";
import { CODE_STAGES, CODES, type CodeInfo } from "../../diagnostics/codes.js";
import { tkcRoot } from "../../paths.js";
import { didYouMean } from "../../validate/schema/suggest.js";
import { EXIT, type Output } from "../output.js";

export interface ExplainArgs {
  code: string;
}

export const explainCommand = {
  command: "explain <code>",
  describe: "Print a diagnostic code's title, severity, stage and documentation page (docs/errors/TKCnnnn.md)",
  builder: (yargs: Argv) =>
    yargs
      .positional("code", { type: "string", describe: "a code such as TKC3206, as printed in `file:line:col error TKCnnnn: ...`" })
      .example("$0 explain TKC3206", "why an image tag such as :latest is refused, and what to do"),
};

/** The pages ship in the npm package (`files` in package.json), so this works offline. */
function errorsDir(): string {
  return join(tkcRoot(), "docs", "errors");
}

export function runExplain(args: ExplainArgs, output: Output): number {
  // `3206` and `tkc3206` are how people retype a code from a log: the same code.
  const written = String(args.code).trim().toUpperCase();
  const code = /^\d{4}$/.test(written) ? `TKC${written}` : written;
  if (/^TS\d+$/.test(code)) {
    output.err(`error: ${code} is a TypeScript code, reported by the type check\n  hint: see https://typescript.tv/errors/ or your editor's quick info; tkc's own codes start with TKC`);
    return EXIT.userError;
  }
  const info = CODES[code];
  if (!/^TKC\d{4}$/.test(code) || info === undefined) {
    const close = didYouMean(code, Object.keys(CODES));
    output.err(`error: no diagnostic code ${args.code}\n  hint: ${close ? `did you mean ${close}? ` : ""}codes look like TKC1004; every one is listed in docs/errors/README.md`);
    return EXIT.userError;
  }
  output.out(explanation(code, info, readPage(code)));
  return EXIT.ok;
}

/** The page without its `# TKCnnnn: title` heading (the registry's title stands in for it). */
function readPage(code: string): string | undefined {
  const page = join(errorsDir(), `${code}.md`);
  if (!existsSync(page)) return undefined;
  return readFileSync(page, "utf8").replace(/^# .*\n+/, "").trimEnd();
}

export function explanation(code: string, info: CodeInfo, page: string | undefined): string {
  const head = [`# ${code}: ${info.title}`, "", `severity: ${info.severity}`, `stage: ${info.stage} (${CODE_STAGES[info.stage]})`, `page: docs/errors/${code}.md`];
  return page === undefined ? head.join("\n") : [...head, "", page].join("\n");
}

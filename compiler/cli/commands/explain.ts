import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Argv } from "yargs";
import { tkcRoot } from "../../paths.js";
import { didYouMean } from "../../validate/schema/suggest.js";
import { EXIT, type Output } from "../output.js";

export interface ExplainArgs {
  code: string;
}

export const explainCommand = {
  command: "explain <code>",
  describe: "Print the documentation page of a diagnostic code (docs/errors/TKCnnnn.md)",
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
  const code = String(args.code).trim().toUpperCase();
  if (/^TS\d+$/.test(code)) {
    output.err(`error: ${code} is a TypeScript code, reported by the type check\n  hint: see https://typescript.tv/errors/ or your editor's quick info; tkc's own codes start with TKC`);
    return EXIT.userError;
  }
  const page = join(errorsDir(), `${code}.md`);
  if (!/^TKC\d{4}$/.test(code) || !existsSync(page)) {
    const codes = existsSync(errorsDir()) ? readdirSync(errorsDir()).filter((f) => /^TKC\d{4}\.md$/.test(f)).map((f) => f.slice(0, -3)) : [];
    const close = didYouMean(code, codes);
    output.err(`error: no diagnostic code ${args.code}\n  hint: ${close ? `did you mean ${close}? ` : ""}codes look like TKC1004; every one is listed in docs/errors/`);
    return EXIT.userError;
  }
  output.out(readFileSync(page, "utf8").trimEnd());
  return EXIT.ok;
}

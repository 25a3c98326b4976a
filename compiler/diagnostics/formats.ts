import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "./diagnostic.js";
import { escapeControl } from "./escape.js";
import { displayPath } from "./render.js";

/**
 * The machine-readable forms of diagnostics, shared by build, check and validate: a flat JSON
 * record, a SARIF 2.1.0 log (for code-scanning uploads) and GitHub Actions workflow commands.
 */

/** One diagnostic as `--format json` prints it; absent fields are left out. */
export interface DiagnosticRecord {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly object?: string;
  readonly path?: string;
  readonly message: string;
  readonly hint?: string;
}

/** Errors first, then warnings, each in the order given. */
export function errorsFirst(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics.filter((d) => d.severity === "error"), ...diagnostics.filter((d) => d.severity !== "error")];
}

/** The JSON record; `file` relative to `cwd` as the text form shows it. */
export function diagnosticRecord(d: Diagnostic, cwd: string): DiagnosticRecord {
  return {
    code: d.code,
    severity: d.severity,
    ...(d.location ? { file: displayPath(d.location.file, cwd), line: d.location.line, column: d.location.column } : {}),
    ...(d.object ? { object: d.object } : {}),
    ...(d.path ? { path: d.path } : {}),
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export interface SarifOptions {
  /** Artifact URIs are relative to this folder (the repository checkout: `%SRCROOT%`). */
  readonly root: string;
  readonly toolVersion: string;
  /** Folder of the docs/errors pages, for each rule's short description. */
  readonly errorsDir?: string;
}

/** A SARIF 2.1.0 log with one run: a rule per code, a result per diagnostic. */
export function sarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions) {
  const ordered = errorsFirst(diagnostics);
  const codes = [...new Set(ordered.map((d) => d.code))].sort();
  const rules = codes.map((code) => {
    const title = options.errorsDir ? pageTitle(options.errorsDir, code) : undefined;
    return { id: code, ...(title ? { shortDescription: { text: title } } : {}), ...(code.startsWith("TKC") ? { help: { text: `tkc explain ${code} (docs/errors/${code}.md)` } } : {}) };
  });
  const results = ordered.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: d.severity === "error" ? "error" : "warning",
    message: { text: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message },
    ...(d.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(d.location.file, options.root),
                region: { startLine: d.location.line, startColumn: d.location.column },
              },
            },
          ],
        }
      : {}),
    ...(d.object || d.path ? { properties: { ...(d.object ? { object: d.object } : {}), ...(d.path ? { path: d.path } : {}) } } : {}),
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "tkc", version: options.toolVersion, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(options.root + sep).href } },
        results,
      },
    ],
  };
}

/** A path inside the root as a relative URI against %SRCROOT%; anything else as an absolute file URI. */
function artifactLocation(file: string, root: string) {
  const rel = relative(root, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

/** "--show-only selects no object" from `# TKC1006: --show-only selects no object`. */
function pageTitle(dir: string, code: string): string | undefined {
  const page = join(dir, `${code}.md`);
  if (!/^TKC\d{4}$/.test(code) || !existsSync(page)) return undefined;
  const first = readFileSync(page, "utf8").split("\n", 1)[0] ?? "";
  return /^# TKC\d{4}: (.+)$/.exec(first)?.[1]?.trim();
}

/** Workflow-command data: `%`, CR and LF are encoded, so a message stays one command. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Workflow-command property values: as data, and `:` and `,` too (they end a property). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * `::error file=...,line=...,col=...,title=TKCnnnn::message` for each error and warning, so GitHub
 * shows them on the user's lines. Only diagnostics become commands: text a descriptor printed is
 * never one (it is prefixed and escaped, compiler/cli/descriptor-log.ts).
 */
export function githubAnnotations(diagnostics: readonly Diagnostic[], root: string): string[] {
  return errorsFirst(diagnostics).map((d) => {
    const properties: string[] = [];
    if (d.location) {
      // Relative to the repository, as GitHub resolves it; a file outside it keeps its absolute path.
      const rel = relative(root, d.location.file);
      const file = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? d.location.file : rel.split(sep).join("/");
      properties.push(`file=${escapeCommandProperty(file)}`, `line=${d.location.line}`, `col=${d.location.column}`);
    }
    properties.push(`title=${escapeCommandProperty(d.code)}`);
    // Control characters as escapes, line by line; the line breaks themselves are encoded.
    const lines = [...d.message.split(/\r?\n/), ...(d.object || d.path ? [[d.object ? `object: ${d.object}` : "", d.path ? `at ${d.path}` : ""].filter(Boolean).join(", ")] : []), ...(d.hint ? [`hint: ${d.hint}`] : [])];
    const message = lines.map((l) => escapeControl(l)).join("\n");
    return `::${d.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeCommandData(message)}`;
  });
}

/** GitHub Actions sets GITHUB_ACTIONS=true in every step. */
export function underGitHubActions(): boolean {
  return process.env.GITHUB_ACTIONS === "true";
}

import { dirname, resolve } from "node:path";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf, offsetOf } from "../diagnostics/position.js";
import type { SourceFile } from "../model/source.js";

// What tsc says of an unused name with noUnusedLocals (which tkc's own check sets, for this only).
const UNUSED = new Set(["TS6133", "TS6192", "TS6196", "TS6198", "TS6199", "TS6205"]);
// `import a, { b, c as d } from "./x.k8s.ts"` and `import * as x from ...` (not `import type`, which never runs).
const IMPORT = /\bimport\s+(?!type\b)([\w$]+\s*,?\s*)?(\*\s*as\s+[\w$]+|\{[^}]*\})?\s*from\s*(["'])(\.{1,2}\/[^"']*?\.k8s(?:\.[cm]?[jt]s)?)\3/g;

interface Declaration {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly bindings: number;
  readonly specifier: string;
  readonly module: string;
}

/**
 * tsc's findings of unused names, as tkc reports them. A descriptor file that every import of it
 * leaves unused never runs (the bundler drops such an import unread), so its components are
 * emitted nowhere and TKC2013 cannot see them: TKC2014, a warning, at the import. Every other
 * unused name is the editor's business and is dropped.
 */
export function unusedImportWarnings(diagnostics: readonly Diagnostic[], sources: readonly SourceFile[]): Diagnostic[] {
  // Nearly every check finds no unused name: the sources are read for imports only when it does.
  if (!diagnostics.some((d) => UNUSED.has(d.code))) return [...diagnostics];
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const declarations = sources.flatMap(importsOf);
  const unused = new Map<Declaration, number>();
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!UNUSED.has(diagnostic.code)) {
      kept.push(diagnostic);
      continue;
    }
    const at = diagnostic.location;
    const text = at && texts.get(at.file);
    if (!at || text === undefined) continue;
    const offset = offsetOf(text, at.line, at.column);
    const declaration = declarations.find((d) => d.file === at.file && d.start <= offset && offset < d.end);
    if (!declaration) continue;
    unused.set(declaration, diagnostic.code === "TS6192" ? declaration.bindings : (unused.get(declaration) ?? 0) + 1);
  }
  const wholly = (d: Declaration) => (unused.get(d) ?? 0) >= d.bindings;
  const reported = new Set<string>();
  for (const declaration of declarations) {
    if (!wholly(declaration) || reported.has(declaration.module)) continue;
    // Another import that uses the file makes it run: then TKC2013 names what it leaves out.
    if (declarations.some((other) => other.module === declaration.module && !wholly(other))) continue;
    reported.add(declaration.module);
    const text = texts.get(declaration.file)!;
    kept.push(warning("TKC2014", `nothing imported from ${declaration.specifier} is used, so that file never runs and none of its components is emitted`, {
      location: locationOf(declaration.file, text, declaration.start, "import".length),
      hint: "list what it exports in release({ components: [...] }), or remove the import",
    }));
  }
  return kept;
}

function importsOf(source: SourceFile): Declaration[] {
  const found: Declaration[] = [];
  for (const match of source.text.matchAll(IMPORT)) {
    const [whole, defaultPart, rest, , specifier] = match;
    const named = rest?.startsWith("{") ? rest.slice(1, -1).split(",").filter((n) => n.trim() !== "" && !/^\s*type\s/.test(n)).length : rest ? 1 : 0;
    const bindings = (defaultPart?.trim() ? 1 : 0) + named;
    if (bindings === 0) continue;
    found.push({ file: source.path, start: match.index!, end: match.index! + whole!.length, bindings, specifier: specifier!, module: resolve(dirname(source.path), specifier!) });
  }
  return found;
}

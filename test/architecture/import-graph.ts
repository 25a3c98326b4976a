// The import graph of tkc's own TypeScript sources, read from the files (relative imports only):
// what the layering and cycle tests walk.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Static imports and re-exports (`import ... from`, `export ... from`, `import "x"`) and `import("x")`. */
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

export interface ImportGraph {
  /** Repository-relative file -> the specifiers it imports, as written. */
  readonly specifiers: ReadonlyMap<string, readonly string[]>;
  /** Repository-relative file -> the repository files its relative imports resolve to. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

function sourceFiles(root: string, folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(relative(root, full));
    }
  };
  if (existsSync(join(root, folder))) walk(join(root, folder));
  return files.sort();
}

/** Strip comments so an example in a doc comment is not taken for an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

export function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of withoutComments(text).matchAll(SPECIFIER)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

function resolveRelative(root: string, from: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), base.replace(/\.cjs$/, ".cts"), `${base}.ts`, join(base, "index.ts")];
  const hit = candidates.find((candidate) => existsSync(candidate) && /\.(ts|mts|cts)$/.test(candidate));
  return hit === undefined ? undefined : relative(root, hit);
}

export function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const specifiers = new Map<string, string[]>();
  const edges = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourceFiles(root, folder))) {
    const found = specifiersOf(readFileSync(join(root, file), "utf8"));
    specifiers.set(file, found);
    const targets = found.filter((s) => s.startsWith(".")).map((s) => resolveRelative(root, file, s)).filter((t): t is string => t !== undefined);
    edges.set(file, [...new Set(targets)].sort());
  }
  return { specifiers, edges };
}

/** Every import cycle, each as the files along it (first file repeated at the end); depth-first search. */
export function importCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (!edges.has(next)) continue;
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...edges.keys()].sort()) if (state.get(file) === undefined) visit(file);
  return cycles;
}

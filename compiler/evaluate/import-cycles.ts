import { resolve } from "node:path";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "../diagnostics/position.js";
import { isPackageFile } from "../model/source.js";

/** What esbuild's metafile says of each input: the project files it imports (path relative to the project, as written). */
export type ImportGraph = Readonly<Record<string, { readonly imports: readonly { readonly path: string; readonly original?: string; readonly external?: boolean }[] }>>;

/**
 * One warning per cycle of imports among the project's files (TKC2012). The bundle turns each
 * file's top-level `const` into a `var` (esbuild does so when bundling), so a value one file of a
 * cycle reads from another while the cycle loads is `undefined`, where Node throws "Cannot access
 * before initialization": a ConfigMap got the string "undefined", unsaid. A cycle whose files
 * only use each other later (in functions) is harmless, hence a warning.
 */
export function importCycles(graph: ImportGraph, projectDir: string, textOf: (file: string) => string | undefined): Diagnostic[] {
  // The project's own files: a package's internal cycles (many npm libraries have some) are its authors' business.
  const own = (file: string) => file in graph && !isPackageFile(file);
  const edges = new Map<string, string[]>();
  for (const [file, input] of Object.entries(graph)) {
    if (own(file)) edges.set(file, input.imports.filter((i) => !i.external && own(i.path)).map((i) => i.path).sort());
  }
  const warnings: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const cycle of cyclesOf(edges)) {
    const members = [...cycle].sort().join("\n");
    if (reported.has(members)) continue;
    reported.add(members);
    // Reported where the last file imports the first: the import that closes the cycle.
    const [first, last] = [cycle[0]!, cycle[cycle.length - 1]!];
    const file = resolve(projectDir, last);
    const specifier = graph[last]!.imports.find((i) => i.path === first)?.original;
    const text = textOf(file);
    const at = text !== undefined && specifier !== undefined ? importLocation(file, text, specifier) : undefined;
    const chain = [...cycle, first].join(" -> ");
    warnings.push(warning("TKC2012", cycle.length === 1 ? `${first} imports itself` : `import cycle: ${chain}: a value one of these files reads from another while they load is undefined`, {
      location: at ?? { file, line: 1, column: 1 },
      hint: "move what they share into a file that imports none of them (Node would throw \"Cannot access before initialization\" here)",
    }));
  }
  return warnings;
}

/** Each cycle once, from the first file (in path order) that is on it: depth first, files in path order. */
function cyclesOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string) => {
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (onStack.has(next)) cycles.push(stack.slice(stack.indexOf(next)));
      else if (!done.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  for (const file of [...edges.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
}

/** The import's specifier in the file's text (`from "./b.k8s.ts"`), as a location. */
function importLocation(file: string, text: string, specifier: string) {
  for (const quote of ['"', "'"]) {
    const index = text.indexOf(`${quote}${specifier}${quote}`);
    if (index !== -1) return locationOf(file, text, index, specifier.length + 2);
  }
  return undefined;
}

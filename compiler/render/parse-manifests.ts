import { parseAllDocuments } from "yaml";
import { deeperThan, MAX_NESTING } from "../load/yaml/nesting.js";
import { locationOf } from "../diagnostics/position.js";

/**
 * The objects of a multi-document YAML stream, as plain JSON data: empty documents are skipped and
 * `kind: List` (what `kubectl get -o yaml` writes) is flattened. A problem is a message naming the
 * document's line.
 */
export function parseManifests(text: string): { objects: Record<string, unknown>[]; problems: string[] } {
  const objects: Record<string, unknown>[] = [];
  const problems: string[] = [];
  const lineOf = (offset: number) => locationOf("", text, offset).line;
  // A chart's or kustomization's output is not ours: the reader must not run out of stack on it.
  const tooDeep = deeperThan(text);
  if (tooDeep >= 0) return { objects, problems: [`line ${lineOf(tooDeep)}: the YAML nests deeper than ${MAX_NESTING} levels, which tkc does not read`] };
  for (const doc of parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, logLevel: "error" })) {
    const at = lineOf(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0);
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      problems.push(`line ${lineOf(first.pos[0])}: ${first.message.split("\n")[0]}`);
      continue;
    }
    // Kubernetes reads YAML 1.1-style scalars as JSON would: keep strings strings (no dates).
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    const add = (item: unknown, line: number) => {
      if (typeof item !== "object" || item === null || Array.isArray(item) || typeof (item as { apiVersion?: unknown }).apiVersion !== "string" || typeof (item as { kind?: unknown }).kind !== "string") {
        problems.push(`line ${line}: not a Kubernetes object (it needs apiVersion and kind)`);
        return;
      }
      objects.push(JSON.parse(JSON.stringify(item)) as Record<string, unknown>);
    };
    const record = value as { kind?: unknown; items?: unknown };
    if (typeof record === "object" && !Array.isArray(record) && typeof record.kind === "string" && record.kind.endsWith("List") && Array.isArray(record.items)) {
      for (const item of record.items) add(item, at);
    } else add(value, at);
  }
  return { objects, problems };
}

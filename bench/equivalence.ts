/**
 * Are the three outputs the same objects? Counts objects per kind from each tool's YAML (tkc may
 * add its environment's Namespace) and compares the objects field by field, keyed by
 * kind/namespace/name, ignoring key order.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

export type KubeDoc = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } } & Record<string, unknown>;

/**
 * Every YAML document in a file, or in the `.yaml`/`.yml` files under a directory (sorted), except
 * `kustomization.yaml` (tkc writes one next to the objects of a bundle; it is not an object).
 */
export function readObjects(path: string): KubeDoc[] {
  const files: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (/\.ya?ml$/.test(p) && !/(^|\/)kustomization\.ya?ml$/.test(p)) files.push(p);
  };
  walk(path);
  const objects: KubeDoc[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const value = doc.toJS() as KubeDoc | null;
      if (value && typeof value === "object") objects.push(value);
    }
  }
  return objects;
}

export function countKinds(objects: readonly KubeDoc[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of objects) counts[String(object.kind)] = (counts[String(object.kind)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

const key = (o: KubeDoc) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;

/** Paths where two JSON values differ (at most `limit`). */
function differences(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} vs ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out, limit);
    return;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

export interface Comparison {
  readonly tool: string;
  readonly counts: Record<string, number>;
  /** Kind counts equal to tkc's, once tkc's Namespace is set aside. */
  readonly countsMatch: boolean;
  /** Objects present in both and equal field by field. */
  readonly identical: number;
  readonly onlyInTkc: readonly string[];
  readonly onlyInPeer: readonly string[];
  /** `kind/ns/name: path: tkc vs peer`, first few. */
  readonly fieldDifferences: readonly string[];
}

/** tkc's objects without the Namespace it emits for its environment. */
export function withoutNamespace(objects: readonly KubeDoc[]): KubeDoc[] {
  return objects.filter((o) => o.kind !== "Namespace");
}

export function compareWithTkc(tool: string, tkc: readonly KubeDoc[], peer: readonly KubeDoc[]): Comparison {
  const mine = withoutNamespace(tkc);
  const tkcCounts = countKinds(mine);
  const counts = countKinds(peer);
  const countsMatch = JSON.stringify(tkcCounts) === JSON.stringify(counts);
  const byKey = new Map(peer.map((o) => [key(o), o]));
  const seen = new Set<string>();
  const onlyInTkc: string[] = [];
  const fieldDifferences: string[] = [];
  let identical = 0;
  for (const object of mine) {
    const other = byKey.get(key(object));
    seen.add(key(object));
    if (!other) {
      onlyInTkc.push(key(object));
      continue;
    }
    const found: string[] = [];
    differences(object, other, "", found, 5);
    if (found.length === 0) identical++;
    else if (fieldDifferences.length < 10) fieldDifferences.push(...found.map((d) => `${key(object)}: ${d}`));
  }
  const onlyInPeer = peer.map(key).filter((k) => !seen.has(k));
  return { tool, counts, countsMatch, identical, onlyInTkc, onlyInPeer, fieldDifferences: fieldDifferences.slice(0, 10) };
}

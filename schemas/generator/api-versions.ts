import type { KindEntry } from "./kinds.js";
import { REMOVED_APIS } from "./removed-apis.js";
import { compareCodePoints } from "./stable-json.js";

export interface ApiVersionsFile {
  /** `apiVersion/kind` -> the supported Kubernetes versions whose spec serves it, ascending. */
  readonly served: Record<string, string[]>;
  /** `apiVersion/kind` -> removal before the oldest supported version (hand-written table). */
  readonly removed: Record<string, { removedIn: string; replacement?: string; note?: string }>;
}

export function buildApiVersions(kindsByVersion: ReadonlyMap<string, readonly KindEntry[]>): ApiVersionsFile {
  const served: Record<string, string[]> = {};
  const versions = [...kindsByVersion.keys()].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
  for (const version of versions) {
    for (const kind of kindsByVersion.get(version)!) (served[`${kind.apiVersion}/${kind.kind}`] ??= []).push(version);
  }
  const removed: ApiVersionsFile["removed"] = {};
  for (const api of [...REMOVED_APIS].sort((a, b) => compareCodePoints(`${a.apiVersion}/${a.kind}`, `${b.apiVersion}/${b.kind}`))) {
    const key = `${api.apiVersion}/${api.kind}`;
    if (served[key]) throw new Error(`schema generator: ${key} is in removed-apis.ts but still served by ${served[key]!.join(", ")}`);
    removed[key] = { removedIn: api.removedIn, ...(api.replacement ? { replacement: api.replacement } : {}), ...(api.note ? { note: api.note } : {}) };
  }
  return { served, removed };
}

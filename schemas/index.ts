/**
 * Runtime access to the generated Kubernetes schemas. Everything is read lazily, one Kubernetes
 * version at a time, and cached for the life of the process.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tkcRoot } from "../compiler/root.js";
import type { JsonPath } from "../compiler/model/path.js";
import KUBE_VERSIONS from "./kube-versions.json" with { type: "json" };

/** A Kubernetes minor version such as "1.36". */
export type KubeVersion = `1.${number}`;
/**
 * The Kubernetes versions tkc ships schemas and types for, oldest first, and the default. The one
 * table is schemas/kube-versions.json: the build scripts read it too, and a test checks the docs
 * that name versions against it.
 */
export const supportedKubeVersions = KUBE_VERSIONS.supported as readonly KubeVersion[];
export const defaultKubeVersion = KUBE_VERSIONS.default as KubeVersion;
export const oldestKubeVersion = supportedKubeVersions[0]!;
export const newestKubeVersion = supportedKubeVersions[supportedKubeVersions.length - 1]!;

/**
 * The minor version a version text names: "v1.36", "1.36.2" and "v1.36.0" (as Helm's
 * --kube-version and `kubectl version` write it) are 1.36, whose API the schemas describe; a
 * patch release changes no API. Any other text is returned as it is (and is then unsupported).
 */
export function kubeMinor(text: string): string {
  const match = /^v?(1\.(?:0|[1-9]\d*))(?:\.(?:0|[1-9]\d*))?$/.exec(text.trim());
  return match ? match[1]! : text;
}

export function isSupportedKubeVersion(version: string): version is KubeVersion {
  return (supportedKubeVersions as readonly string[]).includes(version);
}

/** One entry of `schemas/v1.NN/kinds.json`. */
export interface KindInfo {
  readonly apiVersion: string;
  readonly kind: string;
  /** Definition name in schema.json, and the type name in types.ts. */
  readonly definition: string;
  readonly namespaced: boolean;
  readonly plural: string;
}

export interface RemovedApi {
  /** First Kubernetes minor that stopped serving it. */
  readonly removedIn: string;
  /** apiVersion to migrate to, when there is one. */
  readonly replacement?: string;
  readonly note?: string;
}

/** A node of schema.json (draft-07). */
export type SchemaNode = { readonly [keyword: string]: unknown };

export interface SchemaDocument {
  readonly $id: string;
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

interface ApiVersionsFile {
  readonly served: Readonly<Record<string, readonly string[]>>;
  readonly removed: Readonly<Record<string, RemovedApi>>;
}

const REF_PREFIX = "#/definitions/";

function readJson<T>(...segments: string[]): T {
  return JSON.parse(readFileSync(join(tkcRoot(), "schemas", ...segments), "utf8")) as T;
}

function assertVersion(version: string): void {
  if (!isSupportedKubeVersion(version)) throw new Error(`unsupported Kubernetes version ${version} (supported: ${supportedKubeVersions.join(", ")})`);
}

const kindTables = new Map<string, ReadonlyMap<string, KindInfo>>();
const schemas = new Map<string, SchemaDocument>();
let apiVersions: ApiVersionsFile | undefined;

function kindTable(version: string): ReadonlyMap<string, KindInfo> {
  let table = kindTables.get(version);
  if (!table) {
    assertVersion(version);
    const kinds = readJson<KindInfo[]>(`v${version}`, "kinds.json");
    table = new Map(kinds.map((k) => [`${k.apiVersion}/${k.kind}`, k] as const));
    kindTables.set(version, table);
  }
  return table;
}

/** Every API kind of a Kubernetes version, sorted by apiVersion then kind. */
export function kindsOf(kubeVersion: string): readonly KindInfo[] {
  return [...kindTable(kubeVersion).values()];
}

export function findKind(kubeVersion: string, apiVersion: string, kind: string): KindInfo | undefined {
  return kindTable(kubeVersion).get(`${apiVersion}/${kind}`);
}

/** The whole schema.json of a version (about 0.5 MB; read on first use). */
export function loadSchemaDocument(kubeVersion: string): SchemaDocument {
  let doc = schemas.get(kubeVersion);
  if (!doc) {
    assertVersion(kubeVersion);
    doc = readJson<SchemaDocument>(`v${kubeVersion}`, "schema.json");
    schemas.set(kubeVersion, doc);
  }
  return doc;
}

function apiVersionsFile(): ApiVersionsFile {
  return (apiVersions ??= readJson<ApiVersionsFile>("api-versions.json"));
}

/** The supported Kubernetes versions that serve `apiVersion kind`, ascending; empty if none. */
export function versionsServing(apiVersion: string, kind: string): readonly string[] {
  return apiVersionsFile().served[`${apiVersion}/${kind}`] ?? [];
}

/** A well-known API removed before the oldest supported version, from schemas/generator/removed-apis.ts. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return apiVersionsFile().removed[`${apiVersion}/${kind}`];
}

function resolveRef(doc: SchemaDocument, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current["$ref"] === "string" && hops < 16; hops++) {
    current = doc.definitions[(current["$ref"] as string).slice(REF_PREFIX.length)] ?? {};
  }
  return current;
}

/**
 * The schema (refs resolved) at a path inside an object of `apiVersion kind`: strings step into
 * `properties` or a map's `additionalProperties`, numbers into `items`. Undefined when the path
 * leaves the schema (unknown field, free-form value, unknown kind).
 */
export function schemaAt(kubeVersion: string, apiVersion: string, kind: string, path: JsonPath): SchemaNode | undefined {
  const info = findKind(kubeVersion, apiVersion, kind);
  if (!info) return undefined;
  const doc = loadSchemaDocument(kubeVersion);
  let node: SchemaNode | undefined = resolveRef(doc, { $ref: REF_PREFIX + info.definition });
  for (const segment of path) {
    if (!node) return undefined;
    let next: unknown;
    if (typeof segment === "number") next = node["items"];
    else {
      const properties = node["properties"] as Record<string, SchemaNode> | undefined;
      next = properties ? properties[segment] : node["additionalProperties"];
    }
    node = next && typeof next === "object" ? resolveRef(doc, next as SchemaNode) : undefined;
  }
  return node;
}

/** What the schema says about merging a list or map at a path (Kubernetes OpenAPI extensions). */
export interface ListInfo {
  /** `atomic`, `set` or `map` (x-kubernetes-list-type), for lists. */
  readonly listType?: string;
  /** Keys identifying list items (x-kubernetes-list-map-keys), when listType is `map`. */
  readonly mapKeys?: readonly string[];
  /** `atomic` or `granular` (x-kubernetes-map-type), for objects and maps. */
  readonly mapType?: string;
  /** Strategic-merge-patch key (x-kubernetes-patch-merge-key). */
  readonly patchMergeKey?: string;
  /** e.g. `merge`, `retainKeys`, `merge,retainKeys` (x-kubernetes-patch-strategy). */
  readonly patchStrategy?: string;
}

export function listInfo(kubeVersion: string, apiVersion: string, kind: string, path: JsonPath): ListInfo | undefined {
  const node = schemaAt(kubeVersion, apiVersion, kind, path);
  if (!node) return undefined;
  const info: Record<string, unknown> = {};
  if (typeof node["x-kubernetes-list-type"] === "string") info["listType"] = node["x-kubernetes-list-type"];
  if (Array.isArray(node["x-kubernetes-list-map-keys"])) info["mapKeys"] = node["x-kubernetes-list-map-keys"];
  if (typeof node["x-kubernetes-map-type"] === "string") info["mapType"] = node["x-kubernetes-map-type"];
  if (typeof node["x-kubernetes-patch-merge-key"] === "string") info["patchMergeKey"] = node["x-kubernetes-patch-merge-key"];
  if (typeof node["x-kubernetes-patch-strategy"] === "string") info["patchStrategy"] = node["x-kubernetes-patch-strategy"];
  return info as ListInfo;
}

/**
 * The keys that identify items of the list at `path` (e.g. `["name"]` for containers,
 * `["containerPort", "protocol"]` for container ports): x-kubernetes-list-map-keys for a
 * `map` list, else the strategic-merge key when the list merges; undefined for atomic/set lists.
 */
export function listMapKeys(kubeVersion: string, apiVersion: string, kind: string, path: JsonPath): readonly string[] | undefined {
  const info = listInfo(kubeVersion, apiVersion, kind, path);
  if (!info) return undefined;
  if (info.listType === "map" && info.mapKeys && info.mapKeys.length > 0) return info.mapKeys;
  if (info.listType === undefined && info.patchMergeKey && info.patchStrategy?.split(",").includes("merge")) return [info.patchMergeKey];
  return undefined;
}

/** Property names a typed object allows at `path`; undefined for maps and free-form values. */
export function propertyNamesAt(kubeVersion: string, apiVersion: string, kind: string, path: JsonPath): readonly string[] | undefined {
  const node = schemaAt(kubeVersion, apiVersion, kind, path);
  const properties = node?.["properties"] as Record<string, unknown> | undefined;
  return properties ? Object.keys(properties) : undefined;
}

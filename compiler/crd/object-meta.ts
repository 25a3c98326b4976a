import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonSchema } from "./structural.js";
import { newestKubeVersion } from "../../schemas/index.js";

/** The Kubernetes version whose ObjectMeta schema custom resources are checked against (it has not changed in years): the newest. */
export const OBJECT_META_KUBE_VERSION = newestKubeVersion;

/**
 * `metadata` of a custom resource, as the API server validates it for every kind: the core
 * ObjectMeta of schemas/v1.NN/schema.json with its references inlined (so each CRD schema file
 * stands alone). Descriptions are not needed: the TypeScript types import ObjectMeta instead.
 */
export function objectMetaSchema(repoRoot: string): JsonSchema {
  const doc = JSON.parse(readFileSync(join(repoRoot, "schemas", `v${OBJECT_META_KUBE_VERSION}`, "schema.json"), "utf8")) as { definitions: Record<string, JsonSchema> };
  const inline = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, depth));
    if (node === null || typeof node !== "object") return node;
    const record = node as JsonSchema;
    if (typeof record["$ref"] === "string") {
      if (depth > 8) throw new Error(`gen:crds: ObjectMeta references nest too deep at ${record["$ref"]}`);
      const target = doc.definitions[(record["$ref"] as string).replace("#/definitions/", "")];
      if (!target) throw new Error(`gen:crds: unresolvable ${record["$ref"]} in ObjectMeta`);
      return inline(target, depth + 1);
    }
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(record)) {
      // Strategic-merge hints mean nothing for custom resources (the API server merge-patches them as JSON).
      if (key === "x-kubernetes-patch-merge-key" || key === "x-kubernetes-patch-strategy") continue;
      out[key] = key === "properties" ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, inline(v, depth)])) : inline(value, depth);
    }
    return out;
  };
  const meta = doc.definitions["ObjectMeta"];
  if (!meta) throw new Error(`gen:crds: schemas/v${OBJECT_META_KUBE_VERSION}/schema.json has no ObjectMeta`);
  return inline(meta, 0) as JsonSchema;
}

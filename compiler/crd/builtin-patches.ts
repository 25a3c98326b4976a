/**
 * Changes the installed release of an operator makes to the CRD files in its repository.
 *
 * KEDA's installable `keda-<version>-crds.yaml` is `kustomize build config/crd`, which applies
 * config/crd/patches/{scaledobject,scaledjob}_patch.yaml to the controller-gen output tkc ships
 * (inputs/crds/README.md). tkc checks objects against what clusters run, so it applies them too.
 */
import type { Crd, OpenApiSchema } from "./crd-document.js";

type Node = Record<string, unknown>;

/** The schema node at a path of property names (`[]` steps into `items`); throws when upstream moved it. */
function nodeAt(root: OpenApiSchema, path: readonly string[], crd: string): Node {
  let node = root as Node;
  for (const step of path) {
    const next = step === "[]" ? node["items"] : (node["properties"] as Node | undefined)?.[step];
    if (!next || typeof next !== "object") throw new Error(`gen:crds: ${crd} patch: no schema at ${path.join(".")} (upstream changed; review builtin-patches.ts)`);
    node = next as Node;
  }
  return node;
}

function patchScaledObject(schema: OpenApiSchema): void {
  for (const direction of ["scaleDown", "scaleUp"]) {
    const window = nodeAt(schema, ["spec", "advanced", "horizontalPodAutoscalerConfig", "behavior", direction, "stabilizationWindowSeconds"], "ScaledObject");
    window["minimum"] = 0;
    window["maximum"] = 3600;
  }
}

function patchScaledJob(schema: OpenApiSchema): void {
  const podSpec = ["spec", "jobTargetRef", "template", "spec"];
  for (const containers of ["containers", "initContainers", "ephemeralContainers"]) {
    const port = nodeAt(schema, [...podSpec, containers, "[]", "ports", "[]"], "ScaledJob");
    const required = Array.isArray(port["required"]) ? (port["required"] as string[]) : [];
    if (!required.includes("protocol")) port["required"] = [...required, "protocol"];
  }
  nodeAt(schema, ["spec", "jobTargetRef", "template", "metadata"], "ScaledJob")["x-kubernetes-preserve-unknown-fields"] = true;
  const trigger = nodeAt(schema, ["spec", "triggers", "[]"], "ScaledJob");
  delete (trigger["properties"] as Node)["metricType"];
}

const PATCHES: Readonly<Record<string, (schema: OpenApiSchema) => void>> = {
  "scaledobjects.keda.sh": patchScaledObject,
  "scaledjobs.keda.sh": patchScaledJob,
};

/** The CRD as the operator's release installs it (a deep copy when patched). */
export function installedShape(crd: Crd): Crd {
  const patch = PATCHES[crd.name];
  if (!patch) return crd;
  return {
    ...crd,
    versions: crd.versions.map((version) => {
      const schema = structuredClone(version.schema) as OpenApiSchema;
      patch(schema);
      return { ...version, schema };
    }),
  };
}


import { asRecord, asString, isInteger } from "../guards.js";
import type { SemanticRule } from "./rule.js";

/** pkg/apis/scheduling: HighestUserDefinablePriority, and the system classes with their values. */
const HIGHEST_USER_PRIORITY = 1000000000;
const SYSTEM_CLASSES: Readonly<Record<string, number>> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };
const DOCKER_KEYS: Readonly<Record<string, string>> = { "kubernetes.io/dockerconfigjson": ".dockerconfigjson", "kubernetes.io/dockercfg": ".dockercfg" };

/** TKC3820 PriorityClass values and names; TKC3607 registry credentials that are not JSON. */
export const clusterObjects: SemanticRule = {
  name: "cluster-objects",
  kinds: ["scheduling.k8s.io/PriorityClass", "Secret"],
  check(target, _bundle, report) {
    const object = target.object as Record<string, unknown>;
    if (target.kind === "PriorityClass") {
      // Mirrors ValidatePriorityClass in pkg/apis/scheduling/validation/validation.go.
      const name = target.name ?? "";
      const value = object.value;
      if (name.startsWith("system-")) {
        if (!(name in SYSTEM_CLASSES)) report.error("TKC3820", ["metadata", "name"], `PriorityClass names starting with "system-" are reserved for Kubernetes' own classes`, "choose a name without the system- prefix");
        else if (value !== SYSTEM_CLASSES[name]) report.error("TKC3820", ["value"], `${name} is a system class with value ${SYSTEM_CLASSES[name]}; it cannot be redefined`, "remove this PriorityClass: it exists in every cluster");
      } else if (isInteger(value) && value > HIGHEST_USER_PRIORITY) {
        report.error("TKC3820", ["value"], `PriorityClass value ${value} is above ${HIGHEST_USER_PRIORITY}, the highest a user-defined class may have`, `use a value up to ${HIGHEST_USER_PRIORITY}`);
      }
      return;
    }
    // Mirrors ValidateSecret's docker config checks in pkg/apis/core/validation/validation.go.
    const key = DOCKER_KEYS[asString(object.type) ?? ""];
    if (!key) return;
    const encoded = asRecord(object.data)?.[key];
    const plain = asRecord(object.stringData)?.[key];
    const [text, path] = typeof plain === "string" ? [plain, ["stringData", key]] : typeof encoded === "string" ? [decode(encoded), ["data", key]] : [undefined, []];
    if (text === undefined) return;
    try {
      JSON.parse(text);
    } catch (error) {
      report.error("TKC3607", path, `${key} is not valid JSON: ${(error as Error).message}`, "write it as `kubectl create secret docker-registry` does: {\"auths\": {\"registry\": {\"auth\": \"...\"}}}");
    }
  },
};

/** base64 to text; undefined when it is not base64 (TKC3606 reports that). */
function decode(value: string): string | undefined {
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return Buffer.from(compact, "base64").toString("utf8");
}


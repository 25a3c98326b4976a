import type { JsonPath } from "../../../model/path.js";
import { asArray, asRecord, asString, type Json, show } from "../guards.js";
import { compareQuantities, parseQuantity, type Quantity } from "../../../../syntax/index.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

/** Quota resources counted in whole objects (pkg/apis/core/helper: IsIntegerResourceName). */
const INTEGER_RESOURCES = new Set(["pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers"]);
const CONFLICTING_SCOPES: readonly [string, string][] = [["Terminating", "NotTerminating"], ["BestEffort", "NotBestEffort"]];
/** Resources a BestEffort-scoped quota may limit (pods only: best-effort pods request nothing). */
const BEST_EFFORT_RESOURCES = new Set(["pods", "count/pods"]);
const ORDER = ["min", "defaultRequest", "default", "max"] as const;

/** TKC3810-3811: LimitRange bounds and ResourceQuota counts and scopes. */
export const quotaObjects: SemanticRule = {
  name: "quota-objects",
  kinds: ["LimitRange", "ResourceQuota"],
  check(target, _bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    if (target.kind === "LimitRange") checkLimitRange(spec, report);
    else checkQuota(spec, report);
  },
};

/** Mirrors ValidateLimitRange in pkg/apis/core/validation/validation.go. */
function checkLimitRange(spec: Json, report: Reporter): void {
  const types = new Set<unknown>();
  asArray(spec.limits).forEach((entry, i) => {
    const item = asRecord(entry);
    if (!item) return;
    const path = ["spec", "limits", i];
    if (types.has(item.type)) report.error("TKC3810", [...path, "type"], `limit type ${show(item.type)} is listed twice`, "merge the two entries");
    types.add(item.type);
    if (item.type === "Pod") {
      for (const field of ["default", "defaultRequest"]) {
        if (item[field] !== undefined && item[field] !== null) report.error("TKC3810", [...path, field], `${field} may not be set for type Pod: defaults apply to containers`, "move it to an entry of type Container");
      }
    }
    const resources = new Set<string>();
    for (const field of [...ORDER, "maxLimitRequestRatio"]) for (const name of Object.keys(asRecord(item[field]) ?? {})) resources.add(name);
    for (const resource of resources) {
      const values = new Map<string, Quantity>();
      for (const field of ORDER) {
        const quantity = parseQuantity(asRecord(item[field])?.[resource]);
        if (quantity) values.set(field, quantity);
      }
      // Each of min <= defaultRequest <= default <= max must hold where both sides are set.
      for (let a = 0; a < ORDER.length; a++) {
        for (let b = a + 1; b < ORDER.length; b++) {
          const low = values.get(ORDER[a]!);
          const high = values.get(ORDER[b]!);
          if (low && high && compareQuantities(low, high) > 0) {
            report.error("TKC3810", [...path, ORDER[b]!, resource], `${resource}: ${ORDER[a]} ${show(asRecord(item[ORDER[a]!])?.[resource])} is greater than ${ORDER[b]} ${show(asRecord(item[ORDER[b]!])?.[resource])}`, "keep min <= defaultRequest <= default <= max");
          }
        }
      }
      const ratio = parseQuantity(asRecord(item.maxLimitRequestRatio)?.[resource]);
      if (ratio && compareQuantities(ratio, { numerator: 1n, denominator: 1n }) < 0) {
        report.error("TKC3810", [...path, "maxLimitRequestRatio", resource], `${resource}: maxLimitRequestRatio ${show(asRecord(item.maxLimitRequestRatio)?.[resource])} is below 1; a limit is never below its request`, "use a ratio of 1 or more");
      }
    }
  });
}

/** Mirrors ValidateResourceQuotaSpec, validateResourceQuantityValue and validateResourceQuotaScopes. */
function checkQuota(spec: Json, report: Reporter): void {
  const hard = asRecord(spec.hard) ?? {};
  for (const [resource, raw] of Object.entries(hard)) {
    const integer = INTEGER_RESOURCES.has(resource) || resource.startsWith("count/");
    const quantity = parseQuantity(raw);
    if (integer && quantity && quantity.numerator % quantity.denominator !== 0n) {
      report.error("TKC3811", ["spec", "hard", resource], `${resource} ${show(raw)} counts objects and must be a whole number`, "use a whole number such as 10");
    }
  }
  const scopes = asArray(spec.scopes).filter((s): s is string => typeof s === "string");
  const selectorScopes = asArray(asRecord(spec.scopeSelector)?.matchExpressions).map((e) => asString(asRecord(e)?.scopeName)).filter((s): s is string => s !== undefined);
  const all = new Set([...scopes, ...selectorScopes]);
  const scopesPath: JsonPath = scopes.length > 0 ? ["spec", "scopes"] : ["spec", "scopeSelector"];
  for (const [a, b] of CONFLICTING_SCOPES) {
    if (all.has(a) && all.has(b)) report.error("TKC3811", scopesPath, `scopes ${a} and ${b} conflict: no pod is in both`, `keep one of ${a} and ${b}`);
  }
  scopes.forEach((scope, i) => {
    if (selectorScopes.includes(scope)) report.error("TKC3811", ["spec", "scopes", i], `scope ${show(scope)} is in both scopes and scopeSelector`, "name it in one place");
  });
  if (all.has("BestEffort")) {
    for (const resource of Object.keys(hard)) {
      if (!BEST_EFFORT_RESOURCES.has(resource)) report.error("TKC3811", ["spec", "hard", resource], `a BestEffort quota may only limit pods, not ${show(resource)}: best-effort pods request no resources`, "remove the resource, or drop the BestEffort scope");
    }
  }
}

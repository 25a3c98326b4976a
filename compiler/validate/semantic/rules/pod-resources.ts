import { containersOf } from "../object-index.js";
import { asRecord, show } from "../guards.js";
import { compareQuantities, isNegative, parseQuantity, type Quantity } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/** TKC3213-3214: resource quantities parse, are not negative, and requests do not exceed limits. */
export const podResources: SemanticRule = {
  name: "pod-resources",
  check(target, _bundle, report) {
    if (!target.podTemplate) return;
    const specResources = asRecord(target.podTemplate.spec.resources);
    const places = containersOf(target.podTemplate).map((ref) => ({ resources: asRecord(ref.container.resources), path: [...ref.path, "resources"], owner: `container ${show(ref.container.name)}` }));
    // Pod-level resources (1.32+) follow the same rules.
    if (specResources) places.push({ resources: specResources, path: [...target.podTemplate.specPath, "resources"], owner: "the pod" });
    for (const { resources, path, owner } of places) {
      if (!resources) continue;
      const parsed: Record<"requests" | "limits", Map<string, Quantity>> = { requests: new Map(), limits: new Map() };
      for (const kind of ["requests", "limits"] as const) {
        for (const [resource, raw] of Object.entries(asRecord(resources[kind]) ?? {})) {
          const quantity = parseQuantity(raw);
          const at = [...path, kind, resource];
          if (!quantity) {
            report.error("TKC3214", at, `${resource} ${kind.slice(0, -1)} ${show(raw)} of ${owner} is not a valid quantity`, "write quantities like \"250m\", \"0.5\", \"128Mi\" or \"1Gi\" (binary suffixes are Ki, Mi, Gi, not KB or MB)");
          } else if (isNegative(quantity)) {
            report.error("TKC3214", at, `${resource} ${kind.slice(0, -1)} ${show(raw)} of ${owner} is negative`, "resource quantities must be zero or more");
          } else parsed[kind].set(resource, quantity);
        }
      }
      for (const [resource, request] of parsed.requests) {
        const limit = parsed.limits.get(resource);
        if (limit && compareQuantities(request, limit) > 0) {
          const requestText = show(asRecord(resources.requests)?.[resource]);
          const limitText = show(asRecord(resources.limits)?.[resource]);
          report.error("TKC3213", [...path, "requests", resource], `${resource} request ${requestText} of ${owner} is greater than its limit ${limitText}`, `lower the request or raise the limit so that request <= limit`);
        }
      }
    }
  },
};

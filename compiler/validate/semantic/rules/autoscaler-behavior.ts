import type { JsonPath } from "../../../model/path.js";
import { asArray, asRecord, isInteger, show } from "../guards.js";
import type { SemanticRule } from "./rule.js";

const MAX_WINDOW = 3600;
const MAX_PERIOD = 1800;

/**
 * TKC3506: an autoscaling/v2 HPA's scaling behavior. Mirrors validateBehavior,
 * validateScalingRules and validateScalingPolicy in pkg/apis/autoscaling/validation/validation.go.
 */
export const autoscalerBehavior: SemanticRule = {
  name: "autoscaler-behavior",
  kinds: ["autoscaling/HorizontalPodAutoscaler"],
  check(target, _bundle, report) {
    const behavior = asRecord(asRecord(target.object.spec)?.behavior);
    if (!behavior) return;
    for (const direction of ["scaleUp", "scaleDown"]) {
      const rules = asRecord(behavior[direction]);
      if (!rules) continue;
      const path: JsonPath = ["spec", "behavior", direction];
      const window = rules.stabilizationWindowSeconds;
      if (isInteger(window) && (window < 0 || window > MAX_WINDOW)) {
        report.error("TKC3506", [...path, "stabilizationWindowSeconds"], `${direction}.stabilizationWindowSeconds ${window} must be between 0 and ${MAX_WINDOW} (one hour)`, "use a window of at most 3600 seconds");
      }
      // Unset policies get the defaults; an explicit empty list does not.
      if (Array.isArray(rules.policies) && rules.policies.length === 0) {
        report.error("TKC3506", [...path, "policies"], `${direction}.policies is empty; a scaling rule needs at least one policy`, "add a policy such as {type: Percent, value: 100, periodSeconds: 15}, or remove policies for the defaults");
      }
      asArray(rules.policies).forEach((entry, i) => {
        const policy = asRecord(entry);
        if (!policy) return;
        const at = [...path, "policies", i];
        if (isInteger(policy.value) && policy.value <= 0) report.error("TKC3506", [...at, "value"], `scaling policy value ${policy.value} must be greater than 0`, "use 1 or more pods or percent");
        const period = policy.periodSeconds;
        if (isInteger(period) && (period <= 0 || period > MAX_PERIOD)) report.error("TKC3506", [...at, "periodSeconds"], `scaling policy periodSeconds ${show(period)} must be between 1 and ${MAX_PERIOD}`, "use a period of at most 1800 seconds");
      });
    }
  },
};

import { asArray, asRecord, show } from "../guards.js";
import type { SemanticRule } from "./rule.js";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/**
 * TKC3290: a pod's tolerations, as `ValidateTolerations` in pkg/apis/core/validation/validation.go
 * checks them: the operator (Lt and Gt need the TaintTolerationComparisonOperators feature gate,
 * alpha and off by default), Exists takes no value, an empty key needs Exists, tolerationSeconds
 * only with NoExecute, and the effect.
 */
export const podTolerations: SemanticRule = {
  name: "pod-tolerations",
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    asArray(template.spec.tolerations).forEach((entry, i) => {
      const toleration = asRecord(entry);
      if (!toleration) return;
      const path = [...template.specPath, "tolerations", i];
      const operator = toleration.operator ?? "Equal";
      const key = typeof toleration.key === "string" ? toleration.key : "";
      const value = typeof toleration.value === "string" ? toleration.value : "";
      if (operator === "Lt" || operator === "Gt") {
        report.error("TKC3290", [...path, "operator"], `toleration operator ${show(operator)} needs the TaintTolerationComparisonOperators feature gate (alpha, off by default)`, "use Equal or Exists, unless the cluster enables that feature gate");
      } else if (operator !== "Equal" && operator !== "Exists") {
        report.error("TKC3290", [...path, "operator"], `toleration operator ${show(operator)} is not one of Equal, Exists`, "use Equal (key and value match) or Exists (the key is present)");
      } else if (key === "" && operator !== "Exists") {
        report.error("TKC3290", [...path, "operator"], "a toleration with no key must use operator Exists (it then matches every taint)", 'add a key, or set operator: "Exists"');
      } else if (operator === "Exists" && value !== "") {
        report.error("TKC3290", [...path, "value"], `a toleration with operator Exists takes no value (got ${show(value)})`, "remove the value, or use operator Equal");
      }
      const effect = toleration.effect;
      if (effect !== undefined && effect !== "" && !EFFECTS.includes(effect as string)) {
        report.error("TKC3290", [...path, "effect"], `toleration effect ${show(effect)} is not one of ${EFFECTS.join(", ")}`, "use NoSchedule, PreferNoSchedule or NoExecute, or leave it empty to match every effect");
      } else if (toleration.tolerationSeconds !== undefined && effect !== "NoExecute") {
        report.error("TKC3290", [...path, "tolerationSeconds"], "tolerationSeconds is only allowed with effect NoExecute", 'set effect: "NoExecute", or remove tolerationSeconds');
      }
    });
  },
};

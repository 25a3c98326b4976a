import type { JsonPath } from "../../../model/path.js";
import type { PodTemplate } from "../object-index.js";
import { asArray, asRecord, asString, isInteger, type Json, show } from "../guards.js";
import { relatedAt } from "../report.js";
import type { Reporter } from "../report.js";
import { labelValueProblem, qualifiedNameProblem } from "../../../../syntax/index.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

/** TKC3247-3250: tolerations, node and pod affinity, topology spread constraints. */
export const podScheduling: SemanticRule = {
  name: "pod-scheduling",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    checkTolerations(template, report);
    const affinity = asRecord(template.spec.affinity);
    const base = [...template.specPath, "affinity"];
    if (affinity) {
      checkNodeAffinity(asRecord(affinity.nodeAffinity), [...base, "nodeAffinity"], report);
      for (const kind of ["podAffinity", "podAntiAffinity"]) checkPodAffinity(asRecord(affinity[kind]), [...base, kind], report);
    }
    checkTopologySpread(template, target, report);
  },
};

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/**
 * Mirrors validateTolerations in pkg/apis/core/validation/validation.go. Lt and Gt need the
 * TaintTolerationComparisonOperators feature gate (alpha, off by default), so they are refused.
 */
function checkTolerations(template: PodTemplate, report: Reporter): void {
  asArray(template.spec.tolerations).forEach((entry, i) => {
    const toleration = asRecord(entry);
    if (!toleration) return;
    const path = [...template.specPath, "tolerations", i];
    const key = asString(toleration.key) ?? "";
    const operator = asString(toleration.operator) ?? "Equal";
    const value = asString(toleration.value) ?? "";
    if (key !== "") {
      const problem = qualifiedNameProblem(key);
      if (problem) report.error("TKC3247", [...path, "key"], `toleration key ${show(key)} is not a valid taint key: it ${problem}`, "use a key such as \"example.com/dedicated\"");
    } else if (operator !== "Exists") {
      report.error("TKC3247", [...path, "operator"], `a toleration with no key must use operator Exists (it matches every taint), not ${show(operator)}`, "set operator: Exists, or give the toleration a key");
    }
    if (operator === "Lt" || operator === "Gt") {
      report.error("TKC3247", [...path, "operator"], `toleration operator ${show(operator)} needs the TaintTolerationComparisonOperators feature gate (alpha, off by default)`, "use Equal or Exists, unless the cluster enables that feature gate");
    }
    const effect = toleration.effect;
    if (effect !== undefined && effect !== null && effect !== "" && !TAINT_EFFECTS.includes(effect as string)) {
      report.error("TKC3247", [...path, "effect"], `toleration effect ${show(effect)} is not one of ${TAINT_EFFECTS.join(", ")}`, "use NoSchedule, PreferNoSchedule or NoExecute, or leave it empty to match every effect");
    }
    if (operator === "Exists" && value !== "") {
      report.error("TKC3247", [...path, "value"], `toleration value ${show(value)} must be empty when the operator is Exists`, "remove value, or use operator Equal");
    } else if (operator === "Equal" && value !== "") {
      const problem = labelValueProblem(value);
      if (problem) report.error("TKC3247", [...path, "value"], `toleration value ${show(value)} is not a valid taint value: it ${problem}`, "use a label-like value such as \"gpu\"");
    }
    if (toleration.tolerationSeconds !== undefined && toleration.tolerationSeconds !== null && toleration.effect !== "NoExecute") {
      report.error("TKC3247", [...path, "tolerationSeconds"], `tolerationSeconds needs effect NoExecute (the effect is ${show(toleration.effect ?? "")})`, "set effect: NoExecute, or remove tolerationSeconds");
    }
  });
}

/** Mirrors validateNodeAffinity, ValidateNodeSelector(Term), ValidateNodeSelectorRequirement, validateNodeFieldSelectorRequirement. */
function checkNodeAffinity(nodeAffinity: Json | undefined, path: JsonPath, report: Reporter): void {
  if (!nodeAffinity) return;
  const required = asRecord(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution);
  if (required) {
    const terms = asArray(required.nodeSelectorTerms);
    const requiredPath = [...path, "requiredDuringSchedulingIgnoredDuringExecution"];
    if (terms.length === 0) report.error("TKC3248", [...requiredPath, "nodeSelectorTerms"], "required node affinity has no nodeSelectorTerms, so no node matches", "add at least one term with matchExpressions, or remove the required node affinity");
    terms.forEach((term, i) => checkNodeSelectorTerm(asRecord(term), [...requiredPath, "nodeSelectorTerms", i], report));
  }
  asArray(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((entry, i) => {
    const preferred = asRecord(entry);
    const at = [...path, "preferredDuringSchedulingIgnoredDuringExecution", i];
    checkWeight(preferred?.weight, [...at, "weight"], report);
    checkNodeSelectorTerm(asRecord(preferred?.preference), [...at, "preference"], report);
  });
}

function checkNodeSelectorTerm(term: Json | undefined, path: JsonPath, report: Reporter): void {
  if (!term) return;
  asArray(term.matchExpressions).forEach((entry, i) => {
    const requirement = asRecord(entry);
    if (!requirement) return;
    const at = [...path, "matchExpressions", i];
    const values = asArray(requirement.values);
    const operator = asString(requirement.operator);
    if ((operator === "In" || operator === "NotIn") && values.length === 0) {
      report.error("TKC3248", [...at, "values"], `node selector operator ${operator} needs at least one value`, "list the values to match, or use operator Exists");
    } else if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) {
      report.error("TKC3248", [...at, "values"], `node selector operator ${operator} takes no values`, "remove values, or use operator In");
    } else if ((operator === "Gt" || operator === "Lt") && values.length !== 1) {
      report.error("TKC3248", [...at, "values"], `node selector operator ${operator} needs exactly one value (it has ${values.length})`, "give one integer value, e.g. values: [\"4\"]");
    }
    const key = asString(requirement.key);
    const problem = key === undefined ? undefined : qualifiedNameProblem(key);
    if (problem) report.error("TKC3248", [...at, "key"], `node selector key ${show(key)} is not a valid label key: it ${problem}`, "use a node label key such as \"kubernetes.io/arch\"");
  });
  asArray(term.matchFields).forEach((entry, i) => {
    const requirement = asRecord(entry);
    if (!requirement) return;
    const at = [...path, "matchFields", i];
    if (requirement.key !== "metadata.name") {
      report.error("TKC3248", [...at, "key"], `node field selector key ${show(requirement.key)} is not supported; only metadata.name is`, "use matchExpressions for node labels");
    } else if ((requirement.operator === "In" || requirement.operator === "NotIn") && asArray(requirement.values).length !== 1) {
      report.error("TKC3248", [...at, "values"], `node field selector on metadata.name needs exactly one value (it has ${asArray(requirement.values).length})`, "use one term per node name");
    } else if (requirement.operator !== "In" && requirement.operator !== "NotIn") {
      report.error("TKC3248", [...at, "operator"], `node field selector operator ${show(requirement.operator)} is not supported; use In or NotIn`, "use operator In or NotIn");
    }
  });
}

/** Mirrors validatePodAffinity / validatePodAntiAffinity and validatePodAffinityTerm. */
function checkPodAffinity(affinity: Json | undefined, path: JsonPath, report: Reporter): void {
  if (!affinity) return;
  asArray(affinity.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, i) => checkPodAffinityTerm(asRecord(term), [...path, "requiredDuringSchedulingIgnoredDuringExecution", i], report));
  asArray(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((entry, i) => {
    const weighted = asRecord(entry);
    const at = [...path, "preferredDuringSchedulingIgnoredDuringExecution", i];
    checkWeight(weighted?.weight, [...at, "weight"], report);
    checkPodAffinityTerm(asRecord(weighted?.podAffinityTerm), [...at, "podAffinityTerm"], report);
  });
}

function checkPodAffinityTerm(term: Json | undefined, path: JsonPath, report: Reporter): void {
  if (!term) return;
  const key = asString(term.topologyKey) ?? "";
  if (key === "") {
    report.error("TKC3248", [...path, "topologyKey"], "a pod affinity term has no topologyKey", "set topologyKey, e.g. \"kubernetes.io/hostname\" or \"topology.kubernetes.io/zone\"");
  } else {
    const problem = qualifiedNameProblem(key);
    if (problem) report.error("TKC3248", [...path, "topologyKey"], `topologyKey ${show(key)} is not a valid label key: it ${problem}`, "use a node label key such as \"kubernetes.io/hostname\"");
  }
}

/** Mirrors the weight checks of validatePreferredSchedulingTerms and validateWeightedPodAffinityTerms. */
function checkWeight(weight: unknown, path: JsonPath, report: Reporter): void {
  if (weight === undefined || weight === null) return;
  if (!isInteger(weight) || weight < 1 || weight > 100) {
    report.error("TKC3249", path, `affinity weight ${show(weight)} must be between 1 and 100`, "use a weight from 1 (weakest) to 100 (strongest)");
  }
}

/** Mirrors validateTopologySpreadConstraints. */
function checkTopologySpread(template: PodTemplate, target: Parameters<SemanticRule["check"]>[0], report: Reporter): void {
  const seen = new Map<string, JsonPath>();
  asArray(template.spec.topologySpreadConstraints).forEach((entry, i) => {
    const constraint = asRecord(entry);
    if (!constraint) return;
    const path = [...template.specPath, "topologySpreadConstraints", i];
    const skew = constraint.maxSkew;
    if (isInteger(skew) && skew <= 0) report.error("TKC3250", [...path, "maxSkew"], `maxSkew ${skew} must be greater than 0`, "use maxSkew: 1 for an even spread");
    const key = asString(constraint.topologyKey) ?? "";
    if (key === "") report.error("TKC3250", [...path, "topologyKey"], "a topology spread constraint has no topologyKey", "set topologyKey, e.g. \"topology.kubernetes.io/zone\"");
    else {
      const problem = qualifiedNameProblem(key);
      if (problem) report.error("TKC3250", [...path, "topologyKey"], `topologyKey ${show(key)} is not a valid label key: it ${problem}`, "use a node label key such as \"topology.kubernetes.io/zone\"");
    }
    const when = asString(constraint.whenUnsatisfiable);
    const minDomains = constraint.minDomains;
    if (minDomains !== undefined && minDomains !== null) {
      if (isInteger(minDomains) && minDomains <= 0) report.error("TKC3250", [...path, "minDomains"], `minDomains ${minDomains} must be greater than 0`, "use minDomains of 1 or more, or remove it");
      else if (when !== undefined && when !== "DoNotSchedule") report.error("TKC3250", [...path, "minDomains"], `minDomains needs whenUnsatisfiable DoNotSchedule, not ${show(when)}`, "set whenUnsatisfiable: DoNotSchedule, or remove minDomains");
    }
    if (key !== "" && when !== undefined) {
      const pair = `${key}\0${when}`;
      const first = seen.get(pair);
      if (first) report.error("TKC3250", path, `two topology spread constraints use topologyKey ${show(key)} with whenUnsatisfiable ${when}`, "merge them into one constraint", [relatedAt(target, first, "the first one is here")]);
      else seen.set(pair, path);
    }
  });
}

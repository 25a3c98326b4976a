import { asArray, asRecord, asString, show, stringMap } from "../guards.js";
import { relatedAt } from "../report.js";
import { isEmptySelector, selectorMismatch } from "../selectors.js";
import type { SemanticRule } from "./rule.js";

const APPS_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"];
const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];

/** TKC3401-3403, TKC3409: a workload's selector is well formed and selects its own pod template. */
export const workloadSelectors: SemanticRule = {
  name: "workload-selectors",
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    const spec = asRecord(target.object.spec) ?? {};
    const isApps = (target.group === "apps" || target.group === "extensions") && APPS_KINDS.includes(target.kind);
    const isJob = target.group === "batch" && target.kind === "Job";
    if (target.group === "" && target.kind === "ReplicationController") {
      const selector = stringMap(spec.selector);
      const labels = template.labels;
      const missing = Object.entries(selector).find(([k, v]) => labels[k] !== v);
      if (missing) report.error("TKC3401", ["spec", "selector"], `selector ${missing[0]}=${missing[1]} does not match the pod template labels ${show(labels)}`, "make spec.selector a subset of spec.template.metadata.labels");
      return;
    }
    if (!isApps && !isJob) return;
    if (isJob && spec.selector === undefined) return;
    if (isJob && spec.manualSelector !== true) {
      report.error("TKC3409", ["spec", "selector"], "Job sets spec.selector without manualSelector: true; the API server generates Job selectors itself", "remove spec.selector (recommended), or set manualSelector: true if you really manage it");
      return;
    }
    if (isEmptySelector(spec.selector)) {
      report.error("TKC3402", ["spec", "selector"], `${target.kind} ${show(target.name)} has ${spec.selector === undefined ? "no" : "an empty"} spec.selector; ${target.group}/v1 requires one`, "set spec.selector.matchLabels to the pod template's identifying labels, e.g. {app: web}");
      return;
    }
    const selector = asRecord(spec.selector)!;
    let wellFormed = true;
    asArray(selector.matchExpressions).forEach((entry, i) => {
      const expression = asRecord(entry);
      const path = ["spec", "selector", "matchExpressions", i];
      const operator = asString(expression?.operator);
      const values = asArray(expression?.values);
      let problem: string | undefined;
      if (operator === undefined || !OPERATORS.includes(operator)) problem = `operator ${show(expression?.operator)} is not one of ${OPERATORS.join(", ")}`;
      else if ((operator === "In" || operator === "NotIn") && values.length === 0) problem = `operator ${operator} needs at least one value`;
      else if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) problem = `operator ${operator} must not have values`;
      if (problem) {
        wellFormed = false;
        report.error("TKC3403", path, `selector expression ${problem}`, "use In/NotIn with values, or Exists/DoesNotExist without");
      }
    });
    if (!wellFormed) return;
    const mismatch = selectorMismatch(selector, template.labels);
    if (mismatch) {
      report.error("TKC3401", ["spec", "selector"], `spec.selector does not select the pod template: ${mismatch}`, "make spec.template.metadata.labels carry every label the selector requires", [relatedAt(target, template.labelsPath, "the pod template labels are here")]);
    }
  },
};

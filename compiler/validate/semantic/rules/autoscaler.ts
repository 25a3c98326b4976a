import type { JsonPath } from "../../../model/path.js";
import { apiGroup, isPositive, parseQuantity } from "../../../../syntax/index.js";
import { asArray, asRecord, asString, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

const SOURCES: Readonly<Record<string, string>> = { Resource: "resource", Pods: "pods", Object: "object", External: "external", ContainerResource: "containerResource" };

/** TKC3501-3505: HorizontalPodAutoscaler target, replica bounds and metrics. */
export const autoscaler: SemanticRule = {
  name: "autoscaler",
  kinds: ["autoscaling/HorizontalPodAutoscaler"],
  check(target, bundle, report) {
    if (target.group !== "autoscaling" || target.kind !== "HorizontalPodAutoscaler") return;
    const spec = asRecord(target.object.spec) ?? {};
    const ref = asRecord(spec.scaleTargetRef);
    const refKind = asString(ref?.kind);
    const refName = asString(ref?.name);
    if (refKind && refName) {
      const group = apiGroup(ref?.apiVersion);
      const found = bundle.findNamed(group, refKind, target.namespace, refName) !== undefined;
      if (!found) report.warning("TKC3501", ["spec", "scaleTargetRef"], `scaleTargetRef ${refKind} ${show(refName)} is not in the bundle${target.namespace ? ` in namespace ${show(target.namespace)}` : ""}`, "check kind, apiVersion and name, or ignore this if the target is deployed elsewhere");
    }
    const min = spec.minReplicas;
    if (min !== undefined && (!isInteger(min) || min < 1)) {
      report.error("TKC3502", ["spec", "minReplicas"], `minReplicas is ${show(min)}; it must be at least 1`, min === 0 ? "scaling to zero needs the alpha HPAScaleToZero feature gate and an object or external metric; use 1" : "set minReplicas to 1 or more");
    }
    const max = spec.maxReplicas;
    const effectiveMin = isInteger(min) && min >= 1 ? min : 1;
    if (max !== undefined && (!isInteger(max) || max < 1 || max < effectiveMin)) {
      report.error("TKC3503", ["spec", "maxReplicas"], `maxReplicas is ${show(max)}; it must be at least 1 and at least minReplicas (${effectiveMin})`, "raise maxReplicas to minReplicas or more");
    }
    const cpu = spec.targetCPUUtilizationPercentage;
    if (cpu !== undefined && (!isInteger(cpu) || cpu < 1)) {
      report.error("TKC3505", ["spec", "targetCPUUtilizationPercentage"], `targetCPUUtilizationPercentage is ${show(cpu)}; it must be at least 1`, "use a percentage such as 70");
    }
    asArray(spec.metrics).forEach((entry, i) => {
      const metric = asRecord(entry);
      if (metric) checkMetric(metric, ["spec", "metrics", i], report);
    });
  },
};

function checkMetric(metric: Json, path: JsonPath, report: Reporter): void {
  const type = metric.type;
  const expected = SOURCES[type as string];
  if (!expected) {
    report.error("TKC3504", [...path, "type"], `metric type ${show(type)} is not one of ${Object.keys(SOURCES).join(", ")}`, "use Resource for CPU/memory, Pods, Object, External or ContainerResource");
    return;
  }
  const present = Object.values(SOURCES).filter((s) => metric[s] !== undefined && metric[s] !== null);
  if (!present.includes(expected) || present.length !== 1) {
    const extra = present.filter((s) => s !== expected);
    report.error("TKC3504", path, `metric of type ${String(type)} must set ${expected}${present.includes(expected) ? "" : " (it is missing)"}${extra.length ? ` and nothing else (it also sets ${extra.join(", ")})` : ""}`, `put the metric under ${expected}`);
    return;
  }
  const metricTarget = asRecord(asRecord(metric[expected])?.target);
  if (!metricTarget) return;
  const targetPath = [...path, expected, "target"];
  const targetType = metricTarget.type;
  const field = targetType === "Utilization" ? "averageUtilization" : targetType === "Value" ? "value" : targetType === "AverageValue" ? "averageValue" : undefined;
  if (!field) {
    report.error("TKC3505", [...targetPath, "type"], `target type ${show(targetType)} is not Utilization, Value or AverageValue`, "use Utilization (percent of requests), Value or AverageValue");
    return;
  }
  if (targetType === "Utilization" && type !== "Resource" && type !== "ContainerResource") {
    report.error("TKC3505", [...targetPath, "type"], `target type Utilization is only allowed for Resource and ContainerResource metrics, not ${String(type)}`, "use Value or AverageValue");
    return;
  }
  const value = metricTarget[field];
  if (value === undefined) {
    report.error("TKC3505", targetPath, `target of type ${String(targetType)} must set ${field}`, `set target.${field}`);
  } else if (field === "averageUtilization" ? !isInteger(value) || value < 1 : !(parseQuantity(value) && isPositive(parseQuantity(value)!))) {
    report.error("TKC3505", [...targetPath, field], `target ${field} ${show(value)} must be greater than 0`, field === "averageUtilization" ? "use a percentage of the requests such as 70" : "use a positive quantity such as \"100m\" or \"1k\"");
  }
}

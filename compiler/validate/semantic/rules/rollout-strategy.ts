import type { JsonPath } from "../../../model/path.js";
import { asRecord, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";
import { percentValue } from "../../../../syntax/index.js";

const COUNTS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ["replicas", "revisionHistoryLimit", "minReadySeconds", "progressDeadlineSeconds"],
  StatefulSet: ["replicas", "revisionHistoryLimit", "minReadySeconds"],
  DaemonSet: ["revisionHistoryLimit", "minReadySeconds"],
  ReplicaSet: ["replicas", "minReadySeconds"],
};

/** TKC3404-3408: replica and history counts, update strategy type, and rollingUpdate parameters. */
export const rolloutStrategy: SemanticRule = {
  name: "rollout-strategy",
  kinds: ["apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet"],
  check(target, _bundle, report) {
    if (target.group !== "apps" || !(target.kind in COUNTS)) return;
    const spec = asRecord(target.object.spec) ?? {};
    for (const field of COUNTS[target.kind]!) {
      const value = spec[field];
      if (value !== undefined && (!isInteger(value) || value < 0)) {
        report.error("TKC3404", ["spec", field], `${field} is ${show(value)}; it must be an integer >= 0`, `set ${field} to 0 or more`);
      }
    }
    if (target.kind === "Deployment" && isInteger(spec.progressDeadlineSeconds) && isInteger(spec.minReadySeconds) && spec.progressDeadlineSeconds <= spec.minReadySeconds) {
      const written = asRecord(asRecord(target.sourced.object)?.spec)?.progressDeadlineSeconds;
      const deadline = written === undefined || written === null ? `progressDeadlineSeconds ${spec.progressDeadlineSeconds} (the default)` : `progressDeadlineSeconds ${spec.progressDeadlineSeconds}`;
      report.error("TKC3404", ["spec", "progressDeadlineSeconds"], `${deadline} must be greater than minReadySeconds ${spec.minReadySeconds}`, "set progressDeadlineSeconds above minReadySeconds (it defaults to 600)");
    }
    if (target.kind === "ReplicaSet") return;
    const field = target.kind === "Deployment" ? "strategy" : "updateStrategy";
    const strategy = asRecord(spec[field]);
    if (!strategy) return;
    const allowed = target.kind === "Deployment" ? ["RollingUpdate", "Recreate"] : ["RollingUpdate", "OnDelete"];
    const type = strategy.type ?? "RollingUpdate";
    if (!allowed.includes(type as string)) {
      report.error("TKC3405", ["spec", field, "type"], `${field}.type ${show(type)} is not one of ${allowed.join(", ")}`, `use ${allowed.join(" or ")}`);
      return;
    }
    const rolling = asRecord(strategy.rollingUpdate);
    if (!rolling) return;
    if (type !== "RollingUpdate") {
      report.error("TKC3406", ["spec", field, "rollingUpdate"], `${field}.rollingUpdate may not be set when the type is ${String(type)}`, "remove rollingUpdate, or set the type to RollingUpdate");
      return;
    }
    checkRollingUpdate(target.kind, rolling, ["spec", field, "rollingUpdate"], report);
  },
};

function checkRollingUpdate(kind: string, rolling: Json, path: JsonPath, report: Reporter): void {
  const surge = intOrPercent(rolling.maxSurge, [...path, "maxSurge"], false, report);
  const unavailable = intOrPercent(rolling.maxUnavailable, [...path, "maxUnavailable"], true, report);
  if (kind === "StatefulSet") {
    if (rolling.partition !== undefined && (!isInteger(rolling.partition) || rolling.partition < 0)) {
      report.error("TKC3404", [...path, "partition"], `partition is ${show(rolling.partition)}; it must be an integer >= 0`, "set partition to 0 or more");
    }
    if (unavailable === 0) report.error("TKC3407", [...path, "maxUnavailable"], "maxUnavailable may not be 0 for a StatefulSet", "use at least 1, or leave it unset");
    return;
  }
  // A DaemonSet's maxSurge defaults to 0, so maxUnavailable: 0 alone already stalls it.
  const effectiveSurge = surge ?? (kind === "DaemonSet" && rolling.maxSurge === undefined ? 0 : undefined);
  if (effectiveSurge === 0 && unavailable === 0) {
    report.error("TKC3407", path, "maxSurge and maxUnavailable are both 0, so the rollout can never make progress", "allow at least one of them, e.g. maxSurge: 1 or maxUnavailable: \"25%\"");
  }
}

/** Validate an IntOrString field; returns its numeric value (percent or count) when valid. */
export function intOrPercent(value: unknown, path: JsonPath, capAt100: boolean, report: Reporter, code = "TKC3408"): number | undefined {
  if (value === undefined) return undefined;
  const field = String(path[path.length - 1]);
  if (typeof value === "number") {
    if (isInteger(value) && value >= 0) return value;
    report.error(code, path, `${field} ${show(value)} must be a whole number >= 0 or a percentage`, "use a count such as 1 or a percentage such as \"25%\"");
    return undefined;
  }
  const percent = percentValue(value);
  if (percent === undefined) {
    report.error(code, path, `${field} ${show(value)} is neither a whole number nor a percentage like "25%"`, "write a number without quotes, or a whole percentage ending in '%'");
    return undefined;
  }
  if (capAt100 && percent > 100) {
    report.error(code, path, `${field} ${show(value)} is over 100%`, "use a percentage between 0% and 100%");
    return undefined;
  }
  return percent;
}

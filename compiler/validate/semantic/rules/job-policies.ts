import type { JsonPath } from "../../../model/path.js";
import { asArray, asRecord, asString, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_INDEXES = 100000;

/**
 * TKC3710-3713: podFailurePolicy, backoffLimitPerIndex, successPolicy, and the selector of a
 * CronJob's job template. Mirrors validateJobSpec, validatePodFailurePolicy(Rule),
 * validateSuccessPolicy and ValidateJobTemplateSpec in pkg/apis/batch/validation/validation.go.
 */
export const jobPolicies: SemanticRule = {
  name: "job-policies",
  kinds: ["batch/Job", "batch/CronJob"],
  check(target, _bundle, report) {
    const spec = asRecord(target.object.spec);
    if (!spec) return;
    if (target.kind === "Job") return checkJob(spec, ["spec"], report);
    const templatePath = ["spec", "jobTemplate", "spec"];
    const jobSpec = asRecord(asRecord(spec.jobTemplate)?.spec);
    if (!jobSpec) return;
    if (jobSpec.selector !== undefined && jobSpec.selector !== null) {
      report.error("TKC3713", [...templatePath, "selector"], "a CronJob's job template may not set selector: each Job's selector is generated", "remove selector; the Jobs select their pods by a generated controller-uid label");
    }
    if (jobSpec.manualSelector === true) {
      report.error("TKC3713", [...templatePath, "manualSelector"], "a CronJob's job template may not set manualSelector: true", "remove manualSelector");
    }
    checkJob(jobSpec, templatePath, report);
  },
};

function checkJob(spec: Json, base: JsonPath, report: Reporter): void {
  const indexed = spec.completionMode === "Indexed";
  const completions = isInteger(spec.completions) ? spec.completions : undefined;
  const podSpec = asRecord(asRecord(spec.template)?.spec);
  const policy = asRecord(spec.podFailurePolicy);
  if (policy) checkPodFailurePolicy(policy, spec, podSpec, [...base, "podFailurePolicy"], base, report);
  const perIndex = spec.backoffLimitPerIndex;
  const hasPerIndex = perIndex !== undefined && perIndex !== null;
  if (hasPerIndex && !indexed) {
    report.error("TKC3711", [...base, "backoffLimitPerIndex"], "backoffLimitPerIndex needs completionMode Indexed", "set completionMode: Indexed, or use backoffLimit");
  }
  if (hasPerIndex && indexed && completions !== undefined && completions > MAX_INDEXES) {
    report.error("TKC3711", [...base, "completions"], `completions ${completions} is over ${MAX_INDEXES}, the limit with backoffLimitPerIndex`, `use at most ${MAX_INDEXES} completions`);
  }
  const maxFailed = spec.maxFailedIndexes;
  if (maxFailed !== undefined && maxFailed !== null) {
    if (!hasPerIndex) report.error("TKC3711", [...base, "maxFailedIndexes"], "maxFailedIndexes needs backoffLimitPerIndex", "set backoffLimitPerIndex, or remove maxFailedIndexes");
    else if (isInteger(maxFailed) && completions !== undefined && maxFailed > completions) report.error("TKC3711", [...base, "maxFailedIndexes"], `maxFailedIndexes ${maxFailed} is more than completions ${completions}`, `use at most ${completions}`);
    else if (isInteger(maxFailed) && maxFailed > MAX_INDEXES) report.error("TKC3711", [...base, "maxFailedIndexes"], `maxFailedIndexes ${maxFailed} is over ${MAX_INDEXES}`, `use at most ${MAX_INDEXES}`);
  }
  const success = asRecord(spec.successPolicy);
  if (success) checkSuccessPolicy(success, indexed, completions, [...base, "successPolicy"], report);
}

function checkPodFailurePolicy(policy: Json, spec: Json, podSpec: Json | undefined, path: JsonPath, base: JsonPath, report: Reporter): void {
  if (podSpec && podSpec.restartPolicy !== undefined && podSpec.restartPolicy !== "Never") {
    report.error("TKC3710", [...base, "template", "spec", "restartPolicy"], `podFailurePolicy needs the pod restartPolicy Never, not ${show(podSpec.restartPolicy)}`, "set restartPolicy: Never (with OnFailure the kubelet restarts containers before the policy sees a failure)");
  }
  const replacement = spec.podReplacementPolicy;
  if (replacement !== undefined && replacement !== null && replacement !== "Failed") {
    report.error("TKC3710", [...base, "podReplacementPolicy"], `podReplacementPolicy must be Failed when podFailurePolicy is set, not ${show(replacement)}`, "set podReplacementPolicy: Failed, or leave it unset (it then defaults to Failed)");
  }
  const containers = new Set([...asArray(podSpec?.containers), ...asArray(podSpec?.initContainers)].map((c) => asString(asRecord(c)?.name)));
  const rules = asArray(policy.rules);
  if (rules.length > MAX_RULES) report.error("TKC3710", [...path, "rules"], `podFailurePolicy has ${rules.length} rules; at most ${MAX_RULES} are allowed`, `keep at most ${MAX_RULES} rules`);
  rules.forEach((entry, i) => {
    const rule = asRecord(entry);
    if (!rule) return;
    const at = [...path, "rules", i];
    if (rule.action === "FailIndex" && (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null)) {
      report.error("TKC3710", [...at, "action"], "action FailIndex needs backoffLimitPerIndex on the Job", "set backoffLimitPerIndex (with completionMode Indexed), or use action FailJob");
    }
    const exitCodes = asRecord(rule.onExitCodes);
    const conditions = rule.onPodConditions;
    const hasConditions = conditions !== undefined && conditions !== null && !(Array.isArray(conditions) && conditions.length === 0);
    if (exitCodes && hasConditions) {
      report.error("TKC3710", at, "a podFailurePolicy rule sets both onExitCodes and onPodConditions", "split it into two rules");
    } else if (!exitCodes && !hasConditions) {
      report.error("TKC3710", at, "a podFailurePolicy rule needs onExitCodes or onPodConditions", "say which failures the rule matches");
    }
    if (exitCodes) checkExitCodes(exitCodes, containers, [...at, "onExitCodes"], report);
  });
}

function checkExitCodes(exitCodes: Json, containers: ReadonlySet<string | undefined>, path: JsonPath, report: Reporter): void {
  const name = asString(exitCodes.containerName);
  if (name !== undefined && !containers.has(name)) {
    report.error("TKC3710", [...path, "containerName"], `onExitCodes.containerName ${show(name)} names no container or init container of the pod template`, "use one of the pod template's container names, or remove containerName");
  }
  const values = asArray(exitCodes.values);
  if (values.length === 0) report.error("TKC3710", [...path, "values"], "onExitCodes has no values", "list the exit codes to match");
  else if (values.length > MAX_EXIT_CODES) report.error("TKC3710", [...path, "values"], `onExitCodes has ${values.length} values; at most ${MAX_EXIT_CODES} are allowed`, "use the NotIn operator for long lists");
  let previous: number | undefined;
  values.forEach((value, i) => {
    if (!isInteger(value)) return;
    const at = [...path, "values", i];
    if (value === 0 && exitCodes.operator === "In") report.error("TKC3710", at, "exit code 0 may not be matched with operator In: it means success", "remove 0 from values");
    if (previous !== undefined && value === previous) report.error("TKC3710", at, `exit code ${value} is listed twice`, "list each exit code once");
    else if (previous !== undefined && value < previous) report.error("TKC3710", at, `exit codes must be listed in increasing order (${value} comes after ${previous})`, "sort the values");
    previous = value;
  });
}

function checkSuccessPolicy(policy: Json, indexed: boolean, completions: number | undefined, path: JsonPath, report: Reporter): void {
  if (!indexed) report.error("TKC3712", path, "successPolicy needs completionMode Indexed", "set completionMode: Indexed with completions, or remove successPolicy");
  const rules = asArray(policy.rules);
  if (rules.length === 0) report.error("TKC3712", [...path, "rules"], "successPolicy has no rules", "add a rule with succeededIndexes or succeededCount");
  if (rules.length > MAX_RULES) report.error("TKC3712", [...path, "rules"], `successPolicy has ${rules.length} rules; at most ${MAX_RULES} are allowed`, `keep at most ${MAX_RULES} rules`);
  rules.forEach((entry, i) => {
    const rule = asRecord(entry);
    if (!rule) return;
    const at = [...path, "rules", i];
    const indexes = asString(rule.succeededIndexes);
    const count = rule.succeededCount;
    if (indexes === undefined && (count === undefined || count === null)) {
      report.error("TKC3712", at, "a successPolicy rule needs succeededIndexes or succeededCount", "say which indexes, or how many, must succeed");
      return;
    }
    let size: number | undefined;
    if (indexes !== undefined) {
      const parsed = parseIndexes(indexes, completions);
      if (typeof parsed === "string") report.error("TKC3712", [...at, "succeededIndexes"], `succeededIndexes ${show(indexes)} ${parsed}`, "write ascending, non-overlapping indexes and ranges such as \"0,2-4\"");
      else size = parsed;
    }
    if (isInteger(count)) {
      if (count < 0) report.error("TKC3712", [...at, "succeededCount"], `succeededCount ${count} must not be negative`, "use 1 or more");
      else if (completions !== undefined && count > completions) report.error("TKC3712", [...at, "succeededCount"], `succeededCount ${count} is more than completions ${completions}`, `use at most ${completions}`);
      else if (size !== undefined && count > size) report.error("TKC3712", [...at, "succeededCount"], `succeededCount ${count} is more than the ${size} indexes in succeededIndexes`, "lower succeededCount or list more indexes");
    }
  });
}

/** The number of indexes in "0,2-4" (ascending, non-overlapping, below completions), or why it is invalid. */
function parseIndexes(text: string, completions: number | undefined): number | string {
  let size = 0;
  let last = -1;
  for (const part of text.split(",")) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return `has ${show(part)}, which is not an index or a range`;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return `has the range ${show(part)}, which ends before it starts`;
    if (from <= last) return "is not in ascending order without overlaps";
    if (completions !== undefined && to >= completions) return `has index ${to}, but indexes go from 0 to ${completions - 1}`;
    size += to - from + 1;
    last = to;
  }
  return size;
}

import type { BatchV1CronJob, BatchV1Job, BatchV1JobSpec as JobSpec, PodTemplateSpec } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type ExpandContext, type FieldMapping, type ObjectDraft } from "../core/component.js";
import { isPerEnv, resolve, type PerEnvironment } from "../core/per-environment.js";
import { fail } from "../core/errors.js";
import { compact } from "../core/merge.js";
import { atProperty, captureOrigin, type SourceLocation } from "../core/origin.js";
import { checkCall, report } from "../core/report.js";
import type { WorkloadOptions } from "./options.js";
import { checkWorkloadOptions, finishBuild, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";
import type { WorkloadBuild, WorkloadKind } from "../core/pattern.js";
import { cronScheduleProblem } from "../../syntax/index.js";
import { checkWhole } from "./checks.js";
import { checkPodFailurePolicy, toPodFailurePolicy, type PodFailureRule } from "./job-failure-policy.js";

export interface JobOptions extends WorkloadOptions {
  /** Successful pods needed to finish. @default 1 */
  readonly completions?: PerEnvironment<number>;
  /** Pods running at once. @default 1 */
  readonly parallelism?: PerEnvironment<number>;
  /** Retries before the Job is marked failed. @default 6 (the Kubernetes default) */
  readonly backoffLimit?: PerEnvironment<number>;
  /** `Indexed` gives each pod a completion index (JOB_COMPLETION_INDEX). @default "NonIndexed" */
  readonly completionMode?: "NonIndexed" | "Indexed";
  /** Seconds after which a running Job is stopped. @default none */
  readonly activeDeadlineSeconds?: PerEnvironment<number>;
  /** Seconds after finishing before the Job is garbage-collected. @default none (kept) */
  readonly ttlSecondsAfterFinished?: PerEnvironment<number>;
  /** @default "Never" (failed pods are kept for their logs; the Job retries with new pods) */
  readonly restartPolicy?: "Never" | "OnFailure";
  /** Rules that decide what a failed pod means: fail the Job at once, ignore it, or count it. @default none (every failure counts) */
  readonly podFailurePolicy?: readonly PodFailureRule[];
  /** Indexed Jobs: retries per index instead of for the whole Job. @default none (backoffLimit for the Job) */
  readonly backoffLimitPerIndex?: PerEnvironment<number>;
  /** Indexed Jobs with backoffLimitPerIndex: failed indexes tolerated before the Job fails. @default none (all may fail) */
  readonly maxFailedIndexes?: PerEnvironment<number>;
}

export function checkJobOptions(options: JobOptions, origin: SourceLocation | undefined): void {
  checkWorkloadOptions(options, origin);
  if (options.completionMode === "Indexed" && options.completions === undefined) {
    report.error("TKC2105", `job '${options.name}' is Indexed but sets no 'completions'`, atProperty(origin, ["completionMode"]), { hint: "set completions: the number of indexes to run" });
  }
  for (const key of ["completions", "parallelism", "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes", "ttlSecondsAfterFinished"] as const) {
    if (typeof options[key] === "number") checkWhole("TKC2252", key, options[key], 0, atProperty(origin, [key]));
  }
  if (typeof options.activeDeadlineSeconds === "number") checkWhole("TKC2252", "activeDeadlineSeconds", options.activeDeadlineSeconds, 1, atProperty(origin, ["activeDeadlineSeconds"]));
  const perIndex = options.backoffLimitPerIndex !== undefined;
  if ((perIndex || options.maxFailedIndexes !== undefined) && options.completionMode !== "Indexed") {
    report.error("TKC2251", `job '${options.name}' sets ${perIndex ? "backoffLimitPerIndex" : "maxFailedIndexes"}, which only Indexed Jobs have`, atProperty(origin, [perIndex ? "backoffLimitPerIndex" : "maxFailedIndexes"]), { hint: "set completionMode: \"Indexed\"" });
  }
  if (options.maxFailedIndexes !== undefined && !perIndex) {
    report.error("TKC2251", `job '${options.name}' sets maxFailedIndexes without backoffLimitPerIndex`, atProperty(origin, ["maxFailedIndexes"]), { hint: "set backoffLimitPerIndex too" });
  }
  if (options.podFailurePolicy) checkPodFailurePolicy(options.podFailurePolicy, { restartPolicy: options.restartPolicy, perIndex }, origin);
}

function jobTemplate(options: JobOptions, context: ExpandContext, build: WorkloadBuild): PodTemplateSpec {
  build.pod = { ...build.pod, restartPolicy: options.restartPolicy ?? "Never" };
  return finishBuild(build, options, context);
}

function jobSpec(options: JobOptions, context: ExpandContext, template: PodTemplateSpec): JobSpec {
  const environment = context.environment;
  const pick = <T>(value: PerEnvironment<T> | undefined) => (value === undefined ? undefined : resolve(value, environment));
  return compact({
    completions: pick(options.completions),
    parallelism: pick(options.parallelism),
    backoffLimit: pick(options.backoffLimit),
    completionMode: options.completionMode,
    activeDeadlineSeconds: pick(options.activeDeadlineSeconds),
    ttlSecondsAfterFinished: pick(options.ttlSecondsAfterFinished),
    backoffLimitPerIndex: pick(options.backoffLimitPerIndex),
    maxFailedIndexes: pick(options.maxFailedIndexes),
    podFailurePolicy: options.podFailurePolicy ? toPodFailurePolicy(options.podFailurePolicy) : undefined,
    template,
  });
}

/** A Job from job options: the build (patterns applied) and the object with its field mappings. */
export function jobDraft(type: WorkloadKind, options: JobOptions, context: ExpandContext, origin: SourceLocation | undefined): { build: WorkloadBuild; draft: ObjectDraft } {
  const build = startBuild(type, options, context, origin);
  const template = jobTemplate(options, context, build);
  const object: BatchV1Job = { apiVersion: "batch/v1", kind: "Job", metadata: workloadMetadata(options, build), spec: withPatternSpec(jobSpec(options, context, template), build) };
  const fields = workloadFields(["spec", "template"], jobFields(["spec"]), build);
  return { build, draft: { object, origin, fields } };
}

/** A run-to-completion task (migrations, batch processing): a Job. */
export function job(options: JobOptions): Component {
  const origin = captureOrigin();
  if (!checkCall(origin, options, () => checkJobOptions(options, origin))) return rejectedComponent("job", options?.name, origin);
  return defineComponent({
    type: "job",
    name: options.name,
    origin,
    expand(context) {
      const { build, draft } = jobDraft("job", options, context, origin);
      return [draft, ...build.extraObjects];
    },
  });
}

function jobFields(spec: readonly string[]): FieldMapping[] {
  return ["completions", "parallelism", "backoffLimit", "completionMode", "activeDeadlineSeconds", "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes", "podFailurePolicy"].map(
    (name): FieldMapping => [[...spec, name], [name]],
  );
}

export interface CronJobOptions extends JobOptions {
  /** Cron schedule, five fields (`"0 3 * * *"`) or a macro (`"@daily"`). */
  readonly schedule: PerEnvironment<string>;
  /** IANA time zone of the schedule. @default the kube-controller-manager's (usually UTC) */
  readonly timeZone?: string;
  /** What to do when a run is still going at the next time. @default "Forbid" (safer than Kubernetes' Allow) */
  readonly concurrencyPolicy?: "Allow" | "Forbid" | "Replace";
  /** Seconds a missed run may still start late. @default none */
  readonly startingDeadlineSeconds?: number;
  /** @default 3 */
  readonly successfulJobsHistoryLimit?: number;
  /** @default 1 */
  readonly failedJobsHistoryLimit?: number;
  /** Pause the schedule. @default false */
  readonly suspend?: PerEnvironment<boolean>;
}

/** Kubernetes' own schedule syntax (robfig/cron), checked where the user wrote it. */
function checkSchedule(schedule: string, origin: SourceLocation | undefined): string {
  if (typeof schedule !== "string") fail("TKC2260", `cronJob schedule must be a string, got ${typeof schedule}`, atProperty(origin, ["schedule"]), "e.g. schedule: \"0 3 * * *\"");
  if (/^\s*(CRON_)?TZ=/.test(schedule)) {
    fail("TKC2260", `cronJob schedule "${schedule}" carries a time zone, which Kubernetes rejects`, atProperty(origin, ["schedule"]), "move the zone to the timeZone option, e.g. timeZone: \"Europe/Berlin\"");
  }
  const problem = cronScheduleProblem(schedule);
  if (problem) fail("TKC2260", `cronJob schedule "${schedule}" is not valid: ${problem}`, atProperty(origin, ["schedule"]), "use five fields (minute hour day-of-month month day-of-week), e.g. \"30 2 * * *\", or @hourly/@daily/@weekly/@monthly");
  return schedule;
}

function checkCronOptions(options: CronJobOptions, origin: SourceLocation | undefined): void {
  if (!isPerEnv(options.schedule)) checkSchedule(options.schedule, origin);
  for (const key of ["successfulJobsHistoryLimit", "failedJobsHistoryLimit", "startingDeadlineSeconds"] as const) {
    if (options[key] !== undefined) checkWhole("TKC2261", key, options[key], 0, atProperty(origin, [key]));
  }
  if (options.concurrencyPolicy !== undefined && !["Allow", "Forbid", "Replace"].includes(options.concurrencyPolicy)) {
    report.error("TKC2261", `cronJob concurrencyPolicy '${options.concurrencyPolicy}' is not one of Allow, Forbid, Replace`, atProperty(origin, ["concurrencyPolicy"]), { hint: "Forbid skips a run while the previous one is going; Replace stops the previous one" });
  }
}

/** A job on a schedule (reports, cleanups, backups): a CronJob. */
export function cronJob(options: CronJobOptions): Component {
  const origin = captureOrigin();
  // Two independent sets of checks: the job's and the schedule's.
  if (!checkCall(origin, options, () => checkJobOptions(options, origin), () => checkCronOptions(options, origin))) return rejectedComponent("cronJob", options?.name, origin);
  return defineComponent({
    type: "cronJob",
    name: options.name,
    origin,
    expand(context) {
      const build = startBuild("cronJob", options, context, origin);
      const template = jobTemplate(options, context, build);
      const object: BatchV1CronJob = {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: workloadMetadata(options, build),
        spec: withPatternSpec(compact({
          schedule: checkSchedule(resolve(options.schedule, context.environment), origin),
          timeZone: options.timeZone,
          concurrencyPolicy: options.concurrencyPolicy ?? "Forbid",
          startingDeadlineSeconds: options.startingDeadlineSeconds,
          successfulJobsHistoryLimit: options.successfulJobsHistoryLimit,
          failedJobsHistoryLimit: options.failedJobsHistoryLimit,
          suspend: options.suspend === undefined ? undefined : resolve(options.suspend, context.environment),
          jobTemplate: { metadata: { labels: { ...build.selector } }, spec: jobSpec(options, context, template) },
        }), build),
      };
      const jobSpecPath = ["spec", "jobTemplate", "spec"];
      const cronFields = ["schedule", "timeZone", "concurrencyPolicy", "startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit", "suspend"].map(
        (name): FieldMapping => [["spec", name], [name]],
      );
      const fields = workloadFields([...jobSpecPath, "template"], [...jobFields(jobSpecPath), ...cronFields], build);
      return [{ object, origin, fields }, ...build.extraObjects];
    },
  });
}

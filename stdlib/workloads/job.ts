import type { BatchV1CronJob, BatchV1Job, BatchV1JobSpec as JobSpec, PodTemplateSpec } from "tkc/k8s";
import { defineComponent, type Component, type ExpandContext, type FieldMapping } from "../core/component.js";
import { resolve, type Env } from "../core/env.js";
import { fail } from "../core/errors.js";
import { compact } from "../core/merge.js";
import { captureOrigin, type SourceLocation } from "../core/origin.js";
import type { WorkloadOptions } from "./options.js";
import { checkWorkloadOptions, finishBuild, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";
import type { WorkloadBuild } from "../core/pattern.js";

export interface JobOptions extends WorkloadOptions {
  /** Successful pods needed to finish. @default 1 */
  readonly completions?: Env<number>;
  /** Pods running at once. @default 1 */
  readonly parallelism?: Env<number>;
  /** Retries before the Job is marked failed. @default 6 (the Kubernetes default) */
  readonly backoffLimit?: Env<number>;
  /** `Indexed` gives each pod a completion index (JOB_COMPLETION_INDEX). @default "NonIndexed" */
  readonly completionMode?: "NonIndexed" | "Indexed";
  /** Seconds after which a running Job is stopped. @default none */
  readonly activeDeadlineSeconds?: Env<number>;
  /** Seconds after finishing before the Job is garbage-collected. @default none (kept) */
  readonly ttlSecondsAfterFinished?: Env<number>;
  /** @default "Never" (failed pods are kept for their logs; the Job retries with new pods) */
  readonly restartPolicy?: "Never" | "OnFailure";
}

function checkJobOptions(options: JobOptions, origin: SourceLocation | undefined): void {
  checkWorkloadOptions(options, origin);
  if (options.completionMode === "Indexed" && options.completions === undefined) {
    fail("TKC2105", `job '${options.name}' is Indexed but sets no 'completions'`, origin, "set completions: the number of indexes to run");
  }
}

function jobTemplate(options: JobOptions, context: ExpandContext, build: WorkloadBuild): PodTemplateSpec {
  build.pod = { ...build.pod, restartPolicy: options.restartPolicy ?? "Never" };
  return finishBuild(build, options, context);
}

function jobSpec(options: JobOptions, context: ExpandContext, template: PodTemplateSpec): JobSpec {
  const env = context.env;
  const pick = <T>(value: Env<T> | undefined) => (value === undefined ? undefined : resolve(value, env));
  return compact({
    completions: pick(options.completions),
    parallelism: pick(options.parallelism),
    backoffLimit: pick(options.backoffLimit),
    completionMode: options.completionMode,
    activeDeadlineSeconds: pick(options.activeDeadlineSeconds),
    ttlSecondsAfterFinished: pick(options.ttlSecondsAfterFinished),
    template,
  });
}

/** A run-to-completion task (migrations, batch processing): a Job. */
export function job(options: JobOptions): Component {
  const origin = captureOrigin();
  checkJobOptions(options, origin);
  return defineComponent({
    type: "job",
    name: options.name,
    origin,
    expand(context) {
      const build = startBuild("job", options, context, origin);
      const template = jobTemplate(options, context, build);
      const object: BatchV1Job = { apiVersion: "batch/v1", kind: "Job", metadata: workloadMetadata(options, build), spec: withPatternSpec(jobSpec(options, context, template), build) };
      const fields = workloadFields(options, ["spec", "template"], jobFields(["spec"]));
      return [{ object, origin, fields }, ...build.extraObjects];
    },
  });
}

function jobFields(spec: readonly string[]): FieldMapping[] {
  return ["completions", "parallelism", "backoffLimit", "completionMode", "activeDeadlineSeconds", "ttlSecondsAfterFinished"].map(
    (name): FieldMapping => [[...spec, name], [name]],
  );
}

export interface CronJobOptions extends JobOptions {
  /** Cron schedule, five fields (`"0 3 * * *"`) or a macro (`"@daily"`). */
  readonly schedule: Env<string>;
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
  readonly suspend?: Env<boolean>;
}

/** A job on a schedule (reports, cleanups, backups): a CronJob. */
export function cronJob(options: CronJobOptions): Component {
  const origin = captureOrigin();
  checkJobOptions(options, origin);
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
          schedule: resolve(options.schedule, context.env),
          timeZone: options.timeZone,
          concurrencyPolicy: options.concurrencyPolicy ?? "Forbid",
          startingDeadlineSeconds: options.startingDeadlineSeconds,
          successfulJobsHistoryLimit: options.successfulJobsHistoryLimit,
          failedJobsHistoryLimit: options.failedJobsHistoryLimit,
          suspend: options.suspend === undefined ? undefined : resolve(options.suspend, context.env),
          jobTemplate: { metadata: { labels: { ...build.selector } }, spec: jobSpec(options, context, template) },
        }), build),
      };
      const jobSpecPath = ["spec", "jobTemplate", "spec"];
      const cronFields = ["schedule", "timeZone", "concurrencyPolicy", "startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit", "suspend"].map(
        (name): FieldMapping => [["spec", name], [name]],
      );
      const fields = workloadFields(options, [...jobSpecPath, "template"], [...jobFields(jobSpecPath), ...cronFields]);
      return [{ object, origin, fields }, ...build.extraObjects];
    },
  });
}

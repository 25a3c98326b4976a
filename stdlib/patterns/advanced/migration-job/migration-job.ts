import type { BatchV1Job, Container, PodSpec, ResourceRequirements } from "tkc/k8s";
import type { ExpandContext, FieldMapping, ObjectDraft } from "../../../core/component.js";
import { resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";
import { adminJobLabels, recordAdminJob } from "../../support/admin-jobs.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { contentHash, fitName } from "../../support/generated-names.js";

/**
 * How the migration is ordered before the workload:
 * - `hook`: an Argo CD PreSync hook (and Helm pre-install/pre-upgrade hook) that runs before every
 *   sync and is not part of the app's diff, so ttlSecondsAfterFinished may delete it;
 * - `wave`: an ordinary object in Argo CD sync wave -1 (Argo waits for it to complete before
 *   wave 0). It stays in the bundle's desired state, so it must not expire.
 */
export type MigrationOrdering = "hook" | "wave";

export interface MigrationJobOptions {
  /** The migration command, run with the workload's image, env and security settings. */
  readonly command: PerEnvironment<readonly string[]>;
  readonly args?: PerEnvironment<readonly string[]>;
  /** @default "hook" */
  readonly ordering?: MigrationOrdering;
  /** Retries before the Job fails; migrations should rarely be retried blindly. @default 1 */
  readonly backoffLimit?: PerEnvironment<number>;
  /** Seconds after which a running migration is stopped. @default 600 */
  readonly activeDeadlineSeconds?: PerEnvironment<number>;
  /** Seconds a finished Job is kept (hook ordering only). @default 86400 (a day, to read its logs) */
  readonly ttlSecondsAfterFinished?: PerEnvironment<number>;
  /** Resources of the migration container. @default the workload container's */
  readonly resources?: PerEnvironment<ResourceRequirements>;
}

function checkCounts(values: Record<string, number | undefined>, origin: SourceLocation | undefined): void {
  for (const [name, value] of Object.entries(values)) {
    const min = name === "activeDeadlineSeconds" ? 1 : 0;
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      report.error("TKC2701", `migrationJob() ${name} must be a whole number >= ${min} (got ${value})`, atProperty(origin, [name]), { hint: name === "backoffLimit" ? "e.g. backoffLimit: 1" : `e.g. ${name}: 600` });
    }
  }
}

const HOOK_ANNOTATIONS = {
  "argocd.argoproj.io/hook": "PreSync",
  "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation",
  "argocd.argoproj.io/sync-wave": "-1",
  "helm.sh/hook": "pre-install,pre-upgrade",
  "helm.sh/hook-delete-policy": "before-hook-creation",
  "helm.sh/hook-weight": "-1",
};

/** The options of one environment, resolved and checked. */
interface ResolvedMigration {
  readonly ordering: MigrationOrdering;
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly resources?: ResourceRequirements;
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number;
  readonly ttlSecondsAfterFinished?: number;
}

function resolveOptions(options: MigrationJobOptions, context: ExpandContext, origin: SourceLocation | undefined): ResolvedMigration {
  const ordering = options.ordering ?? "hook";
  const command = optionForEnvironment(options.command, context);
  if (!command || command.length === 0) fail("TKC2700", "migrationJob() needs a command", origin, "e.g. command: [\"/app/bin/migrate\", \"up\"]");
  const resolved: ResolvedMigration = {
    ordering,
    command,
    args: optionForEnvironment(options.args, context),
    resources: options.resources === undefined ? undefined : resolveDeep(optionForEnvironment(options.resources, context)!, context.environment),
    backoffLimit: optionForEnvironment(options.backoffLimit, context) ?? 1,
    activeDeadlineSeconds: optionForEnvironment(options.activeDeadlineSeconds, context) ?? 600,
    ttlSecondsAfterFinished: optionForEnvironment(options.ttlSecondsAfterFinished, context) ?? (ordering === "hook" ? 86400 : undefined),
  };
  checkCounts({ backoffLimit: resolved.backoffLimit, activeDeadlineSeconds: resolved.activeDeadlineSeconds, ttlSecondsAfterFinished: resolved.ttlSecondsAfterFinished }, origin);
  return resolved;
}

function buildMigrationJob(options: ResolvedMigration, build: WorkloadBuild, context: ExpandContext): BatchV1Job {
  const ordering = options.ordering;
  const main = build.container;
  const volumes = build.pod.volumes ?? [];
  // Claim templates of a StatefulSet are not pod volumes; the migration cannot mount them.
  const mounts = (main.volumeMounts ?? []).filter((mount) => volumes.some((volume) => volume.name === mount.name));
  const resources = options.resources ?? main.resources;
  const container: Container = compact({
    name: "migrate",
    image: main.image,
    command: [...options.command],
    args: options.args === undefined ? undefined : [...options.args],
    env: main.env,
    envFrom: main.envFrom,
    resources,
    securityContext: main.securityContext,
    volumeMounts: mounts.length > 0 ? mounts : undefined,
  }) as Container;
  // The migration gets no API token and no custom ServiceAccount: a PreSync hook runs before the
  // workload's own ServiceAccount is created on a first install.
  const pod: PodSpec = compact({
    restartPolicy: "Never",
    automountServiceAccountToken: false,
    securityContext: build.pod.securityContext,
    imagePullSecrets: build.pod.imagePullSecrets,
    volumes: volumes.length > 0 ? volumes : undefined,
    containers: [container],
  }) as PodSpec;
  const labels = adminJobLabels(build.name, build.selector["app.kubernetes.io/instance"] ?? context.release.name);
  const spec = compact({
    backoffLimit: options.backoffLimit,
    activeDeadlineSeconds: options.activeDeadlineSeconds,
    ttlSecondsAfterFinished: options.ttlSecondsAfterFinished,
    template: { metadata: { labels: { ...labels } }, spec: pod },
  });
  const annotations = ordering === "hook" ? { ...HOOK_ANNOTATIONS } : { "argocd.argoproj.io/sync-wave": "-1" };
  // A Job's pod template is immutable: a new spec gets a new name, so each release runs afresh
  // and re-applying the same release changes nothing.
  const hash = contentHash({ annotations, spec });
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: `${fitName(build.name, 63 - 19)}-migrate-${hash}`, labels, annotations },
    spec,
  };
}

/**
 * A one-off admin process for the workload (twelve-factor XII): a Job `<workload>-migrate-<hash>`
 * running `command` with the workload's image, env, security context and writable paths,
 * ordered before the workload by Argo CD (and Helm) hook annotations or an Argo CD sync wave.
 */
export const migrationJob = definePattern<MigrationJobOptions>({
  name: "migration-job",
  check(options, origin) {
    const command = sameInEveryEnvironment(options.command);
    if (options.command === undefined || (command !== undefined && command.length === 0)) {
      report.error("TKC2700", "migrationJob() needs a command", options.command === undefined ? origin : atProperty(origin, ["command"]), { hint: "e.g. command: [\"/app/bin/migrate\", \"up\"]" });
    }
    if (options.ordering !== undefined && options.ordering !== "hook" && options.ordering !== "wave") {
      report.error("TKC2702", `migrationJob() ordering '${String(options.ordering)}' is neither "hook" nor "wave"`, atProperty(origin, ["ordering"]), { hint: "use \"hook\" (Argo CD PreSync / Helm pre-upgrade) or \"wave\" (Argo CD sync wave -1)" });
    }
    if (options.ordering === "wave" && options.ttlSecondsAfterFinished !== undefined) {
      fail(
        "TKC2703",
        "migrationJob() with ordering \"wave\" sets ttlSecondsAfterFinished: the Job stays in the bundle's desired state, so once it expires Argo CD or Flux would see it missing and run the migration again",
        origin,
        "drop ttlSecondsAfterFinished (the old Job is pruned when the next release renames it), or use ordering: \"hook\"",
      );
    }
    checkCounts({ backoffLimit: sameInEveryEnvironment(options.backoffLimit), activeDeadlineSeconds: sameInEveryEnvironment(options.activeDeadlineSeconds), ttlSecondsAfterFinished: sameInEveryEnvironment(options.ttlSecondsAfterFinished) }, origin);
  },
  apply(options, build, context, origin) {
    if (build.type === "job" || build.type === "cronJob" || build.type === "daemon") {
      fail("TKC2704", `migrationJob() belongs on the long-running workload that needs the migrated schema, not on the ${build.type} '${build.name}'`, origin, "move it to the service() or worker() that uses the database");
    }
    const resolved = resolveOptions(options, context, origin);
    // allowFrom() policies naming this workload admit the migration's pods too.
    recordAdminJob(context, build.name);
    const fields: FieldMapping[] = [
      [[], []],
      [["spec", "template", "spec", "containers", 0, "command"], ["command"]],
      [["spec", "template", "spec", "containers", 0, "args"], ["args"]],
      [["spec", "template", "spec", "containers", 0, "resources"], ["resources"]],
      [["spec", "backoffLimit"], ["backoffLimit"]],
      [["spec", "activeDeadlineSeconds"], ["activeDeadlineSeconds"]],
      [["spec", "ttlSecondsAfterFinished"], ["ttlSecondsAfterFinished"]],
    ];
    // Assembled when the compiler reads it, after the workload's build is complete, so patterns
    // listed after this one (a security exception, a writable path) reach the migration too.
    // Everything that can fail was resolved and checked above.
    let job: BatchV1Job | undefined;
    const draft: ObjectDraft = {
      get object() {
        job ??= buildMigrationJob(resolved, build, context);
        return job;
      },
      origin,
      fields,
    };
    build.extraObjects.push(draft);
  },
});

import type { AppsV1StatefulSet, PersistentVolumeClaim } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type ExpandContext, type FieldMapping, type ObjectDraft } from "../core/component.js";
import { resolve, type PerEnvironment } from "../core/per-environment.js";
import { fail } from "../core/errors.js";
import { compact } from "../core/merge.js";
import { captureOrigin, type SourceLocation } from "../core/origin.js";
import { checkCall } from "../core/report.js";
import type { WorkloadBuild, WorkloadKind } from "../core/pattern.js";
import type { WorkloadOptions } from "./options.js";
import { checkWorkloadOptions, finishBuild, portsOf, serviceFields, serviceMetadata, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";
import { serviceFor } from "./service-object.js";

/** A persistent volume each replica gets, kept across restarts and rescheduling. */
export interface StorageOption {
  /** Claim and volume name; a DNS-1123 label. */
  readonly name: string;
  /** Where the main container mounts it. */
  readonly mountPath: string;
  /** Requested size, e.g. `"10Gi"`. */
  readonly size: PerEnvironment<string>;
  /** @default the cluster's default StorageClass */
  readonly storageClassName?: PerEnvironment<string>;
  /** @default ["ReadWriteOnce"] */
  readonly accessModes?: readonly ("ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod")[];
}

export interface StatefulServiceOptions extends WorkloadOptions {
  /** Pod replicas. @default 1 */
  readonly replicas?: PerEnvironment<number>;
  /** Volume claim templates, one claim per replica each. */
  readonly storage?: readonly StorageOption[];
  /** `OrderedReady` starts pods one by one; `Parallel` all at once. @default "OrderedReady" */
  readonly podManagementPolicy?: "OrderedReady" | "Parallel";
  /**
   * What happens to the volume claims when the StatefulSet is deleted or scaled down.
   * @default Retain for both (the Kubernetes default: data outlives the pods)
   */
  readonly volumeRetention?: { readonly whenDeleted?: PerEnvironment<"Retain" | "Delete">; readonly whenScaled?: PerEnvironment<"Retain" | "Delete"> };
}

/**
 * A workload with stable identity and storage (databases, brokers): a StatefulSet, the headless
 * Service that gives each pod a DNS name, and one PersistentVolumeClaim template per storage entry.
 */
export function statefulService(options: StatefulServiceOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(origin, options, () => {
    checkWorkloadOptions(options, origin);
    if (portsOf(options, origin).length === 0) {
      fail("TKC2104", `statefulService '${options.name}' has no port, so its headless Service would route nowhere`, origin, "add port: { name: \"db\", containerPort: 5432 }");
    }
  });
  if (!usable) return rejectedComponent("statefulService", options?.name, origin);
  return defineComponent({
    type: "statefulService",
    name: options.name,
    origin,
    expand(context) {
      const { build, drafts } = statefulSetDrafts("statefulService", options, context, origin);
      return [...drafts, ...build.extraObjects];
    },
  });
}

/** The StatefulSet and its governing headless Service (with `replicas` forced when given). */
export function statefulSetDrafts(
  type: WorkloadKind,
  options: StatefulServiceOptions,
  context: ExpandContext,
  origin: SourceLocation | undefined,
  forced: { readonly replicas?: number } = {},
): { build: WorkloadBuild; drafts: ObjectDraft[] } {
  const replicas = forced.replicas ?? resolve(options.replicas ?? 1, context.environment);
  const build = startBuild(type, options, context, origin, replicas);
  const storage = options.storage ?? [];
  // The claims' mounts follow the writable paths' (startBuild's) in the main container.
  const firstMount = build.container.volumeMounts?.length ?? 0;
  build.container = {
    ...build.container,
    volumeMounts: [...(build.container.volumeMounts ?? []), ...storage.map((s) => ({ name: s.name, mountPath: s.mountPath }))],
  };
  const template = finishBuild(build, options, context);
  const claims: PersistentVolumeClaim[] = storage.map((s) => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: s.name },
    spec: compact({
      accessModes: [...(s.accessModes ?? ["ReadWriteOnce"])],
      storageClassName: s.storageClassName === undefined ? undefined : resolve(s.storageClassName, context.environment),
      resources: { requests: { storage: resolve(s.size, context.environment) } },
    }),
  }));
  const retention = options.volumeRetention;
  const statefulSet: AppsV1StatefulSet = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: workloadMetadata(options, build),
    spec: withPatternSpec(compact({
      replicas,
      serviceName: options.name,
      podManagementPolicy: options.podManagementPolicy,
      selector: { matchLabels: { ...build.selector } },
      template,
      volumeClaimTemplates: claims.length > 0 ? claims : undefined,
      persistentVolumeClaimRetentionPolicy: retention
        ? compact({
            whenDeleted: retention.whenDeleted === undefined ? undefined : resolve(retention.whenDeleted, context.environment),
            whenScaled: retention.whenScaled === undefined ? undefined : resolve(retention.whenScaled, context.environment),
          })
        : undefined,
    }), build),
  };
  const headless = serviceFor(build, portsOf(options, origin), serviceMetadata(options, build), origin, { headless: true, spec: build.serviceSpec });
  const fields = workloadFields(["spec", "template"], [
    [["spec", "replicas"], ["replicas"]],
    [["spec", "podManagementPolicy"], ["podManagementPolicy"]],
    [["spec", "volumeClaimTemplates"], ["storage"]],
    ...storage.flatMap((_, i): FieldMapping[] => [
      [["spec", "template", "spec", "containers", 0, "volumeMounts", firstMount + i], ["storage", i]],
      [["spec", "template", "spec", "containers", 0, "volumeMounts", firstMount + i, "mountPath"], ["storage", i, "mountPath"]],
      [["spec", "volumeClaimTemplates", i], ["storage", i]],
      [["spec", "volumeClaimTemplates", i, "metadata", "name"], ["storage", i, "name"]],
      [["spec", "volumeClaimTemplates", i, "spec", "accessModes"], ["storage", i, "accessModes"]],
      [["spec", "volumeClaimTemplates", i, "spec", "storageClassName"], ["storage", i, "storageClassName"]],
      [["spec", "volumeClaimTemplates", i, "spec", "resources", "requests", "storage"], ["storage", i, "size"]],
    ]),
    [["spec", "persistentVolumeClaimRetentionPolicy"], ["volumeRetention"]],
  ], build);
  return { build, drafts: [{ object: statefulSet, origin, fields }, { ...headless, fields: serviceFields(options, build) }] };
}

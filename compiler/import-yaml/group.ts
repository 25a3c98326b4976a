import type { KubeObject } from "../model/object.js";
import type { Manifest } from "./read-manifests.js";
import { apiGroup } from "../../syntax/index.js";
import { groupingName, nameOf } from "./object-name.js";

/** The objects of one application: they become one descriptor file. */
export interface Application {
  readonly name: string;
  readonly manifests: Manifest[];
  /** Why the objects were put together (for the report). */
  readonly signals: ReadonlySet<string>;
}

type Labels = Readonly<Record<string, string>>;

const APP_LABELS = ["app.kubernetes.io/name", "app", "k8s-app", "name"] as const;

function labelsOf(object: KubeObject): Labels {
  return (object.metadata?.labels as Labels | undefined) ?? {};
}

/** Pod template labels of a workload (Deployment, StatefulSet, DaemonSet, Job, ReplicaSet, CronJob). */
function podLabels(object: KubeObject): Labels | undefined {
  const spec = object.spec as Record<string, any> | undefined;
  const template = object.kind === "CronJob" ? spec?.jobTemplate?.spec?.template : spec?.template;
  return template?.metadata?.labels as Labels | undefined;
}

function appLabel(labels: Labels | undefined): string | undefined {
  if (!labels) return undefined;
  for (const key of APP_LABELS) if (typeof labels[key] === "string" && labels[key] !== "") return labels[key];
  return undefined;
}

function selects(selector: Labels, labels: Labels): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** Names of ConfigMaps, Secrets, PVCs and the ServiceAccount a pod template uses. */
function referencedNames(object: KubeObject): Set<string> {
  const spec = object.spec as Record<string, any> | undefined;
  const pod = (object.kind === "CronJob" ? spec?.jobTemplate?.spec?.template?.spec : object.kind === "Pod" ? spec : spec?.template?.spec) as Record<string, any> | undefined;
  const names = new Set<string>();
  if (!pod) return names;
  if (typeof pod.serviceAccountName === "string") names.add(`ServiceAccount/${pod.serviceAccountName}`);
  for (const volume of (pod.volumes as any[]) ?? []) {
    if (volume?.configMap?.name) names.add(`ConfigMap/${volume.configMap.name}`);
    if (volume?.secret?.secretName) names.add(`Secret/${volume.secret.secretName}`);
    if (volume?.persistentVolumeClaim?.claimName) names.add(`PersistentVolumeClaim/${volume.persistentVolumeClaim.claimName}`);
  }
  for (const container of [...((pod.containers as any[]) ?? []), ...((pod.initContainers as any[]) ?? [])]) {
    for (const from of (container?.envFrom as any[]) ?? []) {
      if (from?.configMapRef?.name) names.add(`ConfigMap/${from.configMapRef.name}`);
      if (from?.secretRef?.name) names.add(`Secret/${from.secretRef.name}`);
    }
    for (const env of (container?.env as any[]) ?? []) {
      if (env?.valueFrom?.configMapKeyRef?.name) names.add(`ConfigMap/${env.valueFrom.configMapKeyRef.name}`);
      if (env?.valueFrom?.secretKeyRef?.name) names.add(`Secret/${env.valueFrom.secretKeyRef.name}`);
    }
  }
  return names;
}

/** What a (Cluster)RoleBinding binds: its role and its ServiceAccount subjects. */
function boundTo(object: KubeObject): string[] {
  if (object.kind !== "RoleBinding" && object.kind !== "ClusterRoleBinding") return [];
  const roleRef = object.roleRef as { kind?: string; name?: string } | undefined;
  const subjects = (object.subjects as { kind?: string; name?: string }[] | undefined) ?? [];
  return [
    ...subjects.filter((s) => s?.kind === "ServiceAccount").map((s) => `ServiceAccount/${s.name}`),
    ...(roleRef ? [`${roleRef.kind}/${roleRef.name}`] : []),
  ];
}

/** The CustomResourceDefinition in the input that defines this object's kind. */
function definitionOf(object: KubeObject, manifests: readonly Manifest[]): Manifest | undefined {
  const group = apiGroup(object.apiVersion);
  return manifests.find((m) => {
    const spec = m.object.kind === "CustomResourceDefinition" ? (m.object.spec as Record<string, any> | undefined) : undefined;
    return spec?.group === group && spec?.names?.kind === object.kind;
  });
}

/** The object a scaler or budget targets: HPA scaleTargetRef, PDB selector are handled separately. */
function scaleTarget(object: KubeObject): string | undefined {
  const ref = (object.spec as Record<string, any> | undefined)?.scaleTargetRef;
  return ref && typeof ref.kind === "string" && typeof ref.name === "string" ? `${ref.kind}/${ref.name}` : undefined;
}

/**
 * Groups objects into applications with the signals real manifests carry, strongest first: an
 * app label (`app.kubernetes.io/name`, `app`, `k8s-app`, `name`) on the object or its pod template;
 * owner references; a Service or PodDisruptionBudget selecting a workload's pods; an HPA's target;
 * ConfigMaps, Secrets, claims and ServiceAccounts a pod template uses; a name that is an
 * application's name or starts with it. What is left goes into one application per object name.
 */
export function groupApplications(manifests: readonly Manifest[]): Application[] {
  const appOf = new Map<Manifest, string>();
  const signals = new Map<string, Set<string>>();
  const assign = (manifest: Manifest, app: string, signal: string) => {
    if (appOf.has(manifest)) return;
    appOf.set(manifest, app);
    if (!signals.has(app)) signals.set(app, new Set());
    signals.get(app)!.add(signal);
  };
  // Only named objects can be referred to (an owner, a scale target, a mounted ConfigMap).
  const byKey = new Map<string, Manifest>(manifests.flatMap((m) => (nameOf(m.object) === undefined ? [] : [[`${m.object.kind}/${nameOf(m.object)}`, m] as const])));

  // 1. app labels, on the object or on its pods
  for (const m of manifests) {
    const fromObject = appLabel(labelsOf(m.object));
    const fromPods = appLabel(podLabels(m.object));
    if (fromObject) assign(m, fromObject, "labels");
    else if (fromPods) assign(m, fromPods, "pod labels");
  }
  const workloads = manifests.filter((m) => podLabels(m.object) !== undefined || m.object.kind === "Pod");
  // 2. owner references, then selectors, scale targets and references, until nothing changes
  for (let changed = true; changed; ) {
    const before = appOf.size;
    for (const m of manifests) {
      if (appOf.has(m)) continue;
      for (const owner of (m.object.metadata?.ownerReferences as { kind?: string; name?: string }[] | undefined) ?? []) {
        const target = byKey.get(`${owner.kind}/${owner.name}`);
        const app = target && appOf.get(target);
        if (app) assign(m, app, "owner references");
      }
      const spec = m.object.spec as Record<string, any> | undefined;
      const selector = (m.object.kind === "Service" ? spec?.selector : spec?.selector?.matchLabels) as Labels | undefined;
      if (selector && typeof selector === "object") {
        const target = workloads.find((w) => appOf.has(w) && selects(selector, podLabels(w.object) ?? labelsOf(w.object)));
        if (target) assign(m, appOf.get(target)!, "selectors");
      }
      const bound = boundTo(m.object).map((k) => byKey.get(k)).find((t) => t !== undefined && appOf.has(t));
      if (bound) assign(m, appOf.get(bound)!, "role bindings");
      const definition = definitionOf(m.object, manifests);
      if (definition && appOf.has(definition)) assign(m, appOf.get(definition)!, "custom resource definition");
      const targetKey = scaleTarget(m.object);
      const target = targetKey ? byKey.get(targetKey) : undefined;
      if (target && appOf.has(target)) assign(m, appOf.get(target)!, "scale target");
    }
    for (const w of workloads) {
      const app = appOf.get(w);
      if (!app) continue;
      for (const name of referencedNames(w.object)) {
        const used = byKey.get(name);
        if (used) assign(used, app, "references");
      }
    }
    changed = appOf.size > before;
  }
  // 3. names: an application's name or one of its objects' names, or a name starting with one (longest first)
  const prefixes = new Map<string, string>();
  for (const app of appOf.values()) prefixes.set(app, app);
  for (const [m, app] of appOf) if (!prefixes.has(groupingName(m.object))) prefixes.set(groupingName(m.object), app);
  const ordered = [...prefixes.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // definitions first, so that custom resources can join the application of their CRD
  const definitionsFirst = [...manifests].sort((a, b) => Number(b.object.kind === "CustomResourceDefinition") - Number(a.object.kind === "CustomResourceDefinition"));
  for (const m of definitionsFirst) {
    if (appOf.has(m)) continue;
    const definition = definitionOf(m.object, manifests);
    if (definition && appOf.has(definition)) {
      assign(m, appOf.get(definition)!, "custom resource definition");
      continue;
    }
    const name = groupingName(m.object);
    const prefix = ordered.find((p) => name === p || name.startsWith(`${p}-`));
    assign(m, prefix !== undefined ? prefixes.get(prefix)! : name, prefix !== undefined ? "names" : "own name");
    if (prefix === undefined) {
      prefixes.set(name, name);
      ordered.push(name);
      ordered.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    }
  }
  const grouped = new Map<string, Manifest[]>();
  for (const m of manifests) {
    const app = appOf.get(m)!;
    if (!grouped.has(app)) grouped.set(app, []);
    grouped.get(app)!.push(m);
  }
  return [...grouped].map(([name, list]) => ({ name, manifests: list, signals: signals.get(name) ?? new Set() }));
}

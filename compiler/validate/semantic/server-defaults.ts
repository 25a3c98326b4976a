/**
 * The API server's defaulting (pkg/apis/<group>/v1/defaults.go), applied to a copy of each object
 * before the semantic rules, so they judge what the server judges: some objects are rejected only
 * once a default is filled in (a DaemonSet's maxUnavailable 1 against a maxSurge), and some
 * apparent mistakes vanish (a volume with only a name is an emptyDir). Never applied to output.
 *
 * Only the defaults some rule depends on are applied; each names the Go function it follows.
 */
import type { KubeObject } from "../../model/object.js";
import { apiGroup } from "../../../syntax/index.js";
import { asArray, asRecord, asString, type Json } from "./guards.js";

const DEFAULTED_KINDS = new Set([
  "/Pod", "/ReplicationController", "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet",
  "extensions/Deployment", "extensions/DaemonSet", "extensions/ReplicaSet", "batch/Job", "batch/CronJob",
  "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding",
]);

/** A deep copy of plain JSON data (objects from YAML or descriptors hold nothing else). */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (typeof value === "object" && value !== null) {
    const out: Json = {};
    for (const [key, entry] of Object.entries(value)) out[key] = copyJson(entry);
    return out;
  }
  return value;
}

/** Sets `record[key]` when it is absent (undefined or null, as Go decodes JSON null). */
function fill(record: Json, key: string, value: unknown): void {
  if (record[key] === undefined || record[key] === null) record[key] = value;
}

/** A copy of the object as the API server stores it after defaulting. */
export function withServerDefaults(written: KubeObject): KubeObject {
  const original = asRecord(written);
  // Only kinds with defaults here are copied: others (CRDs run to megabytes) are judged as written.
  if (!original || !DEFAULTED_KINDS.has(`${apiGroup(original.apiVersion)}/${asString(original.kind) ?? ""}`)) return written;
  const object = copyJson(original) as Json;
  const group = apiGroup(object.apiVersion);
  const spec = asRecord(object.spec);
  switch (`${group}/${asString(object.kind) ?? ""}`) {
    case "apps/Deployment":
    case "extensions/Deployment":
      if (spec) defaultDeployment(spec);
      break;
    case "apps/DaemonSet":
    case "extensions/DaemonSet":
      if (spec) defaultDaemonSet(spec);
      break;
    case "rbac.authorization.k8s.io/RoleBinding":
    case "rbac.authorization.k8s.io/ClusterRoleBinding":
      defaultBinding(object);
      break;
  }
  for (const podSpec of podSpecsOf(object, group)) defaultPodSpec(podSpec, object.kind === "Pod" && group === "");
  return object as KubeObject;
}

/** Every PodSpec an object carries: a Pod's own, a template's, a CronJob's job template's. */
function podSpecsOf(object: Json, group: string): Json[] {
  const spec = asRecord(object.spec);
  if (!spec) return [];
  if (object.kind === "Pod" && group === "") return [spec];
  const holder = object.kind === "CronJob" ? asRecord(asRecord(spec.jobTemplate)?.spec) : spec;
  const podSpec = asRecord(asRecord(holder?.template)?.spec);
  return podSpec ? [podSpec] : [];
}

/** Mirrors SetDefaults_Deployment in pkg/apis/apps/v1/defaults.go. */
function defaultDeployment(spec: Json): void {
  fill(spec, "progressDeadlineSeconds", 600);
  fill(spec, "revisionHistoryLimit", 10);
  defaultRollingUpdate(spec, "strategy", { maxUnavailable: "25%", maxSurge: "25%" });
}

/** Mirrors SetDefaults_DaemonSet in pkg/apis/apps/v1/defaults.go. */
function defaultDaemonSet(spec: Json): void {
  fill(spec, "revisionHistoryLimit", 10);
  defaultRollingUpdate(spec, "updateStrategy", { maxUnavailable: 1, maxSurge: 0 });
}

/** A strategy defaults to RollingUpdate, and a rolling update to the kind's surge and unavailability. */
function defaultRollingUpdate(spec: Json, key: string, limits: { readonly maxUnavailable: number | string; readonly maxSurge: number | string }): void {
  fill(spec, key, {});
  const strategy = asRecord(spec[key]);
  if (!strategy) return;
  fill(strategy, "type", "RollingUpdate");
  if (strategy.type !== "RollingUpdate") return;
  fill(strategy, "rollingUpdate", {});
  const rolling = asRecord(strategy.rollingUpdate);
  if (!rolling) return;
  fill(rolling, "maxUnavailable", limits.maxUnavailable);
  fill(rolling, "maxSurge", limits.maxSurge);
}

/**
 * Mirrors SetDefaults_PodSpec, SetDefaults_Volume and defaultHostNetworkPorts in
 * pkg/apis/core/v1/defaults.go (restartPolicy is left alone: the Job rules report its absence).
 */
function defaultPodSpec(spec: Json, isPod: boolean): void {
  fill(spec, "terminationGracePeriodSeconds", 30);
  fill(spec, "dnsPolicy", "ClusterFirst");
  for (const entry of asArray(spec.volumes)) {
    const volume = asRecord(entry);
    if (volume && Object.keys(volume).every((key) => key === "name" || volume[key] === undefined || volume[key] === null)) volume.emptyDir = {};
  }
  for (const list of ["initContainers", "containers"]) {
    for (const entry of asArray(spec[list])) {
      for (const portEntry of asArray(asRecord(entry)?.ports)) {
        const port = asRecord(portEntry);
        if (!port) continue;
        fill(port, "protocol", "TCP");
        // With host networking the container port is the host port; since 1.28 only Pods get this
        // default, not pod templates (gate DefaultHostNetworkHostPortsInPodTemplates, off).
        if (isPod && spec.hostNetwork === true && (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0)) port.hostPort = port.containerPort;
      }
    }
  }
}

/**
 * Mirrors SetDefaults_Subject and SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding in
 * pkg/apis/rbac/v1/defaults.go: User and Group subjects belong to the RBAC group, ServiceAccounts
 * to the core group, and roleRef to the RBAC group.
 */
function defaultBinding(object: Json): void {
  const roleRef = asRecord(object.roleRef);
  if (roleRef && (roleRef.apiGroup === undefined || roleRef.apiGroup === null || roleRef.apiGroup === "")) roleRef.apiGroup = "rbac.authorization.k8s.io";
  for (const entry of asArray(object.subjects)) {
    const subject = asRecord(entry);
    if (!subject || (subject.apiGroup !== undefined && subject.apiGroup !== null && subject.apiGroup !== "")) continue;
    if (subject.kind === "User" || subject.kind === "Group") subject.apiGroup = "rbac.authorization.k8s.io";
    else if (subject.kind === "ServiceAccount") subject.apiGroup = "";
  }
}

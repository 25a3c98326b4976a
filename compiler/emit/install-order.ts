import type { KubeObject } from "../model/object.js";

// Helm 3's install order (pkg/release/util/kind_sorter.go), so a bundle applies in the order
// Helm users expect: cluster and namespace scaffolding, then config, storage, RBAC, services,
// workloads, and finally what routes to them.
const INSTALL_ORDER = [
  "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
  "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
  "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
  "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
  "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
  "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
  "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
];
const RANK = new Map(INSTALL_ORDER.map((kind, index) => [kind, index]));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Known kinds in Helm's order; other kinds (custom resources) after them, by kind; then by namespace and name. */
export function compareInstallOrder(a: KubeObject, b: KubeObject): number {
  const rankA = RANK.get(a.kind) ?? INSTALL_ORDER.length;
  const rankB = RANK.get(b.kind) ?? INSTALL_ORDER.length;
  return (
    rankA - rankB ||
    compareText(a.kind, b.kind) ||
    compareText(a.apiVersion, b.apiVersion) ||
    compareText(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
    compareText(a.metadata.name ?? "", b.metadata.name ?? "")
  );
}

/**
 * Well-known API versions that Kubernetes stopped serving before 1.33 (the oldest version whose
 * spec tkc ships), so `tkc` can say "removed in 1.26, use autoscaling/v2" instead of "unknown kind".
 *
 * Source: the official "Deprecated API Migration Guide",
 * https://kubernetes.io/docs/reference/using-api/deprecation-guide/ ("Removed APIs by release",
 * sections v1.32, v1.29, v1.27, v1.26, v1.25, v1.22, v1.16). Removals inside 1.33-1.36 are not
 * listed here: the generator derives them from the specs themselves.
 */
export interface RemovedApi {
  readonly apiVersion: string;
  readonly kind: string;
  /** The first Kubernetes minor that no longer serves it. */
  readonly removedIn: string;
  /** The apiVersion to migrate to; absent when there is no replacement. */
  readonly replacement?: string;
  /** Extra advice when there is no like-for-like replacement. */
  readonly note?: string;
}

function removed(apiVersions: readonly string[], kinds: readonly string[], removedIn: string, replacement?: string, note?: string): RemovedApi[] {
  return apiVersions.flatMap((apiVersion) =>
    kinds.map((kind) => ({ apiVersion, kind, removedIn, ...(replacement ? { replacement } : {}), ...(note ? { note } : {}) })),
  );
}

export const REMOVED_APIS: readonly RemovedApi[] = [
  // v1.32
  ...removed(["flowcontrol.apiserver.k8s.io/v1beta3"], ["FlowSchema", "PriorityLevelConfiguration"], "1.32", "flowcontrol.apiserver.k8s.io/v1"),
  // v1.29
  ...removed(["flowcontrol.apiserver.k8s.io/v1beta2"], ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "flowcontrol.apiserver.k8s.io/v1"),
  // v1.27
  ...removed(["storage.k8s.io/v1beta1"], ["CSIStorageCapacity"], "1.27", "storage.k8s.io/v1"),
  // v1.26
  ...removed(["flowcontrol.apiserver.k8s.io/v1beta1"], ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "flowcontrol.apiserver.k8s.io/v1"),
  ...removed(["autoscaling/v2beta2"], ["HorizontalPodAutoscaler"], "1.26", "autoscaling/v2"),
  // v1.25
  ...removed(["batch/v1beta1"], ["CronJob"], "1.25", "batch/v1"),
  ...removed(["discovery.k8s.io/v1beta1"], ["EndpointSlice"], "1.25", "discovery.k8s.io/v1"),
  ...removed(["events.k8s.io/v1beta1"], ["Event"], "1.25", "events.k8s.io/v1"),
  ...removed(["autoscaling/v2beta1"], ["HorizontalPodAutoscaler"], "1.25", "autoscaling/v2"),
  ...removed(["policy/v1beta1"], ["PodDisruptionBudget"], "1.25", "policy/v1"),
  ...removed(["policy/v1beta1"], ["PodSecurityPolicy"], "1.25", undefined, "PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)"),
  ...removed(["node.k8s.io/v1beta1"], ["RuntimeClass"], "1.25", "node.k8s.io/v1"),
  // v1.22
  ...removed(["admissionregistration.k8s.io/v1beta1"], ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.22", "admissionregistration.k8s.io/v1"),
  ...removed(["apiextensions.k8s.io/v1beta1"], ["CustomResourceDefinition"], "1.22", "apiextensions.k8s.io/v1"),
  ...removed(["apiregistration.k8s.io/v1beta1"], ["APIService"], "1.22", "apiregistration.k8s.io/v1"),
  ...removed(["authentication.k8s.io/v1beta1"], ["TokenReview"], "1.22", "authentication.k8s.io/v1"),
  ...removed(["authorization.k8s.io/v1beta1"], ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview"], "1.22", "authorization.k8s.io/v1"),
  ...removed(["certificates.k8s.io/v1beta1"], ["CertificateSigningRequest"], "1.22", "certificates.k8s.io/v1"),
  ...removed(["coordination.k8s.io/v1beta1"], ["Lease"], "1.22", "coordination.k8s.io/v1"),
  ...removed(["extensions/v1beta1", "networking.k8s.io/v1beta1"], ["Ingress"], "1.22", "networking.k8s.io/v1"),
  ...removed(["networking.k8s.io/v1beta1"], ["IngressClass"], "1.22", "networking.k8s.io/v1"),
  ...removed(["rbac.authorization.k8s.io/v1beta1"], ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "1.22", "rbac.authorization.k8s.io/v1"),
  ...removed(["scheduling.k8s.io/v1beta1"], ["PriorityClass"], "1.22", "scheduling.k8s.io/v1"),
  ...removed(["storage.k8s.io/v1beta1"], ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.22", "storage.k8s.io/v1"),
  // v1.16
  ...removed(["extensions/v1beta1"], ["NetworkPolicy"], "1.16", "networking.k8s.io/v1"),
  ...removed(["extensions/v1beta1"], ["PodSecurityPolicy"], "1.16", "policy/v1beta1", "policy/v1beta1 PodSecurityPolicy was itself removed in 1.25; use Pod Security Admission"),
  ...removed(["extensions/v1beta1", "apps/v1beta2"], ["DaemonSet"], "1.16", "apps/v1"),
  ...removed(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"], ["Deployment", "ReplicaSet"], "1.16", "apps/v1"),
  ...removed(["apps/v1beta1", "apps/v1beta2"], ["StatefulSet"], "1.16", "apps/v1"),
];

/**
 * The overlay of string enums on the Kubernetes specs: `enum` in schema.json, a literal union in
 * types.ts, from this one table.
 *
 * The OpenAPI v2 specs carry no `enum` keyword, and their descriptions name the allowed values
 * only in prose ("One of Always, Never, IfNotPresent", "Valid values are ...", or not at all),
 * which is not exhaustive in places and does not say what the server enforces. So every entry
 * here is a field whose values the API server's validation checks with `field.NotSupported`
 * (the Go function is named per entry, in pkg/apis/<group>/validation/validation.go unless
 * said otherwise), and every field whose description lists values but which is left out is in
 * NOT_ENUMS with the reason.
 *
 * No false rejections: the JSON Schema also accepts "" for every entry (for most of these fields
 * the API server defaults "" like an absent value, and where it does not, accepting it only
 * misses an error); the TypeScript type leaves "" out, since a descriptor omits the field instead.
 */

export interface EnumField {
  /** The spec's definition name, e.g. `io.k8s.api.core.v1.Container`. */
  readonly definition: string;
  /** The property; for an array of strings, the enum applies to its items. */
  readonly property: string;
  readonly values: readonly string[];
  /** Values the API server accepts from a Kubernetes version on (newer releases added them). */
  readonly since?: { readonly version: string; readonly values: readonly string[] };
  /** The Go validation function that rejects other values. */
  readonly mirrors: string;
}

const core = "io.k8s.api.core.v1.";
const pullPolicy = ["Always", "Never", "IfNotPresent"];
const terminationMessagePolicy = ["File", "FallbackToLogsOnError"];
const profileTypes = ["RuntimeDefault", "Unconfined", "Localhost"];
const accessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];
const volumeModes = ["Block", "Filesystem"];
const webhooks = ["io.k8s.api.admissionregistration.v1.MutatingWebhook", "io.k8s.api.admissionregistration.v1.ValidatingWebhook"];

export const ENUM_FIELDS: readonly EnumField[] = [
  // Pods and containers
  { definition: `${core}Container`, property: "imagePullPolicy", values: pullPolicy, mirrors: "validatePullPolicy" },
  { definition: `${core}EphemeralContainer`, property: "imagePullPolicy", values: pullPolicy, mirrors: "validatePullPolicy" },
  { definition: `${core}ImageVolumeSource`, property: "pullPolicy", values: pullPolicy, mirrors: "validateImageVolumeSource (validatePullPolicy)" },
  { definition: `${core}Container`, property: "terminationMessagePolicy", values: terminationMessagePolicy, mirrors: "validateContainerCommon (terminationMessagePolicy switch)" },
  { definition: `${core}EphemeralContainer`, property: "terminationMessagePolicy", values: terminationMessagePolicy, mirrors: "validateContainerCommon (terminationMessagePolicy switch)" },
  { definition: `${core}PodSpec`, property: "dnsPolicy", values: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"], mirrors: "validateDNSPolicy" },
  { definition: `${core}PodSpec`, property: "preemptionPolicy", values: ["Never", "PreemptLowerPriority"], mirrors: "validatePreemptionPolicy" },
  { definition: `${core}PodOS`, property: "name", values: ["linux", "windows"], mirrors: "validateOS (validOS)" },
  { definition: `${core}HTTPGetAction`, property: "scheme", values: ["HTTP", "HTTPS"], mirrors: "validateHTTPGetAction (supportedHTTPSchemes)" },
  { definition: `${core}ContainerResizePolicy`, property: "restartPolicy", values: ["NotRequired", "RestartContainer"], mirrors: "validateResizePolicy (supportedResizePolicies)" },
  { definition: `${core}VolumeMount`, property: "mountPropagation", values: ["None", "HostToContainer", "Bidirectional"], mirrors: "validateMountPropagation" },
  { definition: `${core}VolumeMount`, property: "recursiveReadOnly", values: ["Disabled", "IfPossible", "Enabled"], mirrors: "validateMountRecursiveReadOnly" },
  { definition: `${core}HostPathVolumeSource`, property: "type", values: ["DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"], mirrors: "validateHostPathType (supportedHostPathTypes)" },
  // Security context
  { definition: `${core}SecurityContext`, property: "procMount", values: ["Default", "Unmasked"], mirrors: "ValidateProcMountType" },
  { definition: `${core}SeccompProfile`, property: "type", values: profileTypes, mirrors: "validateSeccompProfileField" },
  { definition: `${core}AppArmorProfile`, property: "type", values: profileTypes, mirrors: "validateAppArmorProfileField" },
  { definition: `${core}PodSecurityContext`, property: "fsGroupChangePolicy", values: ["OnRootMismatch", "Always"], mirrors: "validateFSGroupChangePolicy" },
  { definition: `${core}PodSecurityContext`, property: "supplementalGroupsPolicy", values: ["Merge", "Strict"], mirrors: "validateSupplementalGroupsPolicy" },
  { definition: `${core}PodSecurityContext`, property: "seLinuxChangePolicy", values: ["MountOption", "Recursive"], mirrors: "validateSELinuxChangePolicy" },
  // Scheduling
  { definition: `${core}Toleration`, property: "effect", values: ["NoSchedule", "PreferNoSchedule", "NoExecute"], mirrors: "validateTaintEffect (allowEmpty)" },
  { definition: `${core}Toleration`, property: "operator", values: ["Equal", "Exists"], since: { version: "1.35", values: ["Lt", "Gt"] }, mirrors: "validateTolerations (Lt and Gt from 1.35, TaintTolerationComparisonOperators)" },
  { definition: `${core}NodeSelectorRequirement`, property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"], mirrors: "validateNodeSelectorRequirement" },
  { definition: `${core}TopologySpreadConstraint`, property: "whenUnsatisfiable", values: ["DoNotSchedule", "ScheduleAnyway"], mirrors: "validateWhenUnsatisfiable (supportedScheduleActions)" },
  { definition: `${core}TopologySpreadConstraint`, property: "nodeAffinityPolicy", values: ["Honor", "Ignore"], mirrors: "validateNodeInclusionPolicy" },
  { definition: `${core}TopologySpreadConstraint`, property: "nodeTaintsPolicy", values: ["Honor", "Ignore"], mirrors: "validateNodeInclusionPolicy" },
  { definition: `${core}ScopedResourceSelectorRequirement`, property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist"], mirrors: "validateScopedResourceSelectorRequirement" },
  // Services
  { definition: `${core}ServiceSpec`, property: "sessionAffinity", values: ["ClientIP", "None"], mirrors: "ValidateService (supportedSessionAffinityType)" },
  { definition: `${core}ServiceSpec`, property: "externalTrafficPolicy", values: ["Cluster", "Local"], mirrors: "validateServiceExternalTrafficPolicy" },
  { definition: `${core}ServiceSpec`, property: "internalTrafficPolicy", values: ["Cluster", "Local"], mirrors: "validateServiceInternalTrafficFieldsValue" },
  { definition: `${core}ServiceSpec`, property: "ipFamilyPolicy", values: ["SingleStack", "PreferDualStack", "RequireDualStack"], mirrors: "ValidateService (supportedServiceIPFamilyPolicy)" },
  { definition: `${core}ServiceSpec`, property: "ipFamilies", values: ["IPv4", "IPv6"], mirrors: "validateIPFamilies (supportedServiceIPFamily)" },
  // Storage
  { definition: `${core}PersistentVolumeClaimSpec`, property: "accessModes", values: accessModes, mirrors: "ValidatePersistentVolumeClaimSpec (supportedAccessModes)" },
  { definition: `${core}PersistentVolumeClaimSpec`, property: "volumeMode", values: volumeModes, mirrors: "ValidatePersistentVolumeClaimSpec (supportedVolumeModes)" },
  { definition: `${core}PersistentVolumeSpec`, property: "accessModes", values: accessModes, mirrors: "ValidatePersistentVolumeSpec (supportedAccessModes)" },
  { definition: `${core}PersistentVolumeSpec`, property: "volumeMode", values: volumeModes, mirrors: "ValidatePersistentVolumeSpec (supportedVolumeModes)" },
  { definition: `${core}PersistentVolumeSpec`, property: "persistentVolumeReclaimPolicy", values: ["Retain", "Delete", "Recycle"], mirrors: "ValidatePersistentVolumeSpec (supportedReclaimPolicy)" },
  { definition: "io.k8s.api.storage.v1.StorageClass", property: "reclaimPolicy", values: ["Delete", "Retain"], mirrors: "pkg/apis/storage/validation: validateReclaimPolicy (supportedReclaimPolicy)" },
  { definition: "io.k8s.api.storage.v1.StorageClass", property: "volumeBindingMode", values: ["Immediate", "WaitForFirstConsumer"], mirrors: "pkg/apis/storage/validation: validateVolumeBindingMode" },
  // Workloads
  { definition: "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", property: "whenDeleted", values: ["Retain", "Delete"], mirrors: "pkg/apis/apps/validation: ValidatePersistentVolumeClaimRetentionPolicyType" },
  { definition: "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", property: "whenScaled", values: ["Retain", "Delete"], mirrors: "pkg/apis/apps/validation: ValidatePersistentVolumeClaimRetentionPolicyType" },
  { definition: "io.k8s.api.batch.v1.JobSpec", property: "podReplacementPolicy", values: ["TerminatingOrFailed", "Failed"], mirrors: "pkg/apis/batch/validation: validatePodReplacementPolicy" },
  { definition: "io.k8s.api.batch.v1.PodFailurePolicyRule", property: "action", values: ["FailJob", "FailIndex", "Ignore", "Count"], mirrors: "pkg/apis/batch/validation: validatePodFailurePolicyRule (supportedPodFailurePolicyActions)" },
  { definition: "io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement", property: "operator", values: ["In", "NotIn"], mirrors: "pkg/apis/batch/validation: validatePodFailurePolicyRuleOnExitCodes (supportedPodFailurePolicyOnExitCodesOperator)" },
  { definition: "io.k8s.api.autoscaling.v2.MetricTarget", property: "type", values: ["Utilization", "Value", "AverageValue"], mirrors: "pkg/apis/autoscaling/validation: validateMetricTarget" },
  { definition: "io.k8s.api.autoscaling.v2.HPAScalingRules", property: "selectPolicy", values: ["Max", "Min", "Disabled"], mirrors: "pkg/apis/autoscaling/validation: validateScalingRules (validSelectPolicyValues)" },
  { definition: "io.k8s.api.autoscaling.v2.HPAScalingPolicy", property: "type", values: ["Pods", "Percent"], mirrors: "pkg/apis/autoscaling/validation: validateScalingPolicy (validPolicyTypes)" },
  { definition: "io.k8s.api.policy.v1.PodDisruptionBudgetSpec", property: "unhealthyPodEvictionPolicy", values: ["IfHealthyBudget", "AlwaysAllow"], mirrors: "pkg/apis/policy/validation: ValidatePodDisruptionBudgetSpec (supportedUnhealthyPodEvictionPolicies)" },
  // RBAC and admission
  { definition: "io.k8s.api.rbac.v1.Subject", property: "kind", values: ["User", "Group", "ServiceAccount"], mirrors: "pkg/apis/rbac/validation: ValidateRoleBindingSubject" },
  ...webhooks.flatMap((definition): EnumField[] => [
    { definition, property: "failurePolicy", values: ["Ignore", "Fail"], mirrors: "pkg/apis/admissionregistration/validation: validateWebhook (supportedFailurePolicies)" },
    { definition, property: "matchPolicy", values: ["Exact", "Equivalent"], mirrors: "pkg/apis/admissionregistration/validation: validateWebhook (supportedMatchPolicies)" },
    { definition, property: "sideEffects", values: ["None", "NoneOnDryRun"], mirrors: "pkg/apis/admissionregistration/validation: validateSideEffectClass (v1 on create: noneOnDryRunSideEffectClasses)" },
  ]),
  { definition: webhooks[0]!, property: "reinvocationPolicy", values: ["Never", "IfNeeded"], mirrors: "pkg/apis/admissionregistration/validation: validateMutatingWebhook (supportedReinvocationPolicies)" },
  { definition: "io.k8s.api.admissionregistration.v1.RuleWithOperations", property: "operations", values: ["*", "CREATE", "UPDATE", "DELETE", "CONNECT"], mirrors: "pkg/apis/admissionregistration/validation: validateRuleWithOperations (supportedOperations)" },
  { definition: "io.k8s.api.admissionregistration.v1.RuleWithOperations", property: "scope", values: ["*", "Cluster", "Namespaced"], mirrors: "pkg/apis/admissionregistration/validation: validateRule (supportedScopes)" },
];

/** Fields whose description lists values that are deliberately not an enum here, and why. */
export const NOT_ENUMS: Readonly<Record<string, string>> = {
  [`${core}PodSpec.restartPolicy`]: "semantic rule TKC3221 checks it, with the per-kind subset (only Always in a Deployment)",
  [`${core}ServiceSpec.type`]: "semantic rule TKC3307 checks it",
  [`${core}ServicePort.protocol`]: "semantic rule TKC3306 checks it",
  [`${core}ContainerPort.protocol`]: "semantic rule (pod-containers) checks it",
  "io.k8s.api.networking.v1.NetworkPolicyPort.protocol": "semantic rule TKC3318 checks it",
  "io.k8s.api.networking.v1.NetworkPolicySpec.policyTypes": "semantic rule TKC3317 checks it (and duplicates)",
  "io.k8s.api.networking.v1.HTTPIngressPath.pathType": "semantic rule TKC3313 checks it (and that it is set)",
  "io.k8s.api.apps.v1.DeploymentStrategy.type": "semantic rule TKC3405 checks it",
  "io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type": "semantic rule TKC3405 checks it",
  "io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type": "semantic rule TKC3405 checks it",
  "io.k8s.api.apps.v1.StatefulSetSpec.podManagementPolicy": "semantic rule TKC3412 checks it",
  "io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy": "semantic rule (cron-jobs) checks it",
  "io.k8s.api.batch.v1.JobSpec.completionMode": "semantic rule TKC3706 checks it",
  "io.k8s.api.autoscaling.v2.MetricSpec.type": "semantic rule TKC3504 checks it, with the field each type needs",
  "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator": "semantic rule (workload-selectors) checks it",
  [`${core}EmptyDirVolumeSource.medium`]: 'the description says "" or Memory, but the server also accepts HugePages and HugePages-<size> (validateEmptyDirVolumeSource)',
  [`${core}Container.restartPolicy`]: "the allowed values depend on the version and on the container kind (only Always for init containers in 1.33; per-container rules later)",
  [`${core}ServiceSpec.clusterIP`]: 'the listed values are "None", "" or any IP address',
  [`${core}ServicePort.appProtocol`]: "free-form: IANA service names and domain-prefixed names are accepted",
  [`${core}EndpointPort.appProtocol`]: "free-form: IANA service names and domain-prefixed names are accepted",
  [`${core}ContainerResizePolicy.resourceName`]: "resource names are validated as qualified names; the description's cpu/memory is what the kubelet supports, not what the server checks",
  "io.k8s.api.certificates.v1.CertificateSigningRequestSpec.usages": "not checked against the server's validation yet",
  "io.k8s.api.apps.v1.StatefulSetCondition.status": "status fields: the API server ignores status on create (the same holds for every *Condition.status and status-only type)",
};

/** The enum values of `definition.property` in one Kubernetes version, or undefined. */
export function enumValues(definition: string, property: string, kubeVersion: string): readonly string[] | undefined {
  const entry = ENUM_FIELDS.find((e) => e.definition === definition && e.property === property);
  if (!entry) return undefined;
  const later = entry.since && compareVersions(kubeVersion, entry.since.version) >= 0 ? entry.since.values : [];
  return [...entry.values, ...later];
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am! - bm! || an! - bn!;
}

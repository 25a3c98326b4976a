/**
 * The overlay of string enums on the Kubernetes specs: `enum` in schema.json, a literal union in
 * types.ts, from this one table.
 *
 * The OpenAPI v2 specs carry no `enum` keyword, and their descriptions name the allowed values
 * only in prose ("One of Always, Never, IfNotPresent", "Valid values are ...", or not at all),
 * which is not exhaustive in places and does not say what the server enforces. So every entry
 * here is a field whose values the API server's validation checks (`field.NotSupported` or
 * `field.Invalid`; the Go function is named per entry, in pkg/apis/<group>/validation/validation.go
 * unless said otherwise), and every field whose description lists values but which is left out is in
 * NOT_ENUMS with the reason (test/schemas/enums.test.ts finds such descriptions in every spec).
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
  /**
   * The TKC code of the error (default TKC3005): for fields a semantic rule used to check, so the
   * code users see stays the same. Written into schema.json as `x-tkc-code`.
   */
  readonly code?: string;
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
  { definition: `${core}PodSpec`, property: "preemptionPolicy", values: ["Never", "PreemptLowerPriority"], mirrors: "ValidatePreemptionPolicy" },
  { definition: `${core}PodOS`, property: "name", values: ["linux", "windows"], mirrors: "validateOS (validOS)" },
  { definition: `${core}HTTPGetAction`, property: "scheme", values: ["HTTP", "HTTPS"], mirrors: "validateHTTPGetAction (supportedHTTPSchemes)" },
  { definition: `${core}ContainerResizePolicy`, property: "resourceName", values: ["cpu", "memory"], mirrors: "validateResizePolicy" },
  { definition: `${core}ContainerResizePolicy`, property: "restartPolicy", values: ["NotRequired", "RestartContainer"], mirrors: "validateResizePolicy" },
  { definition: `${core}VolumeMount`, property: "mountPropagation", values: ["None", "HostToContainer", "Bidirectional"], mirrors: "validateMountPropagation" },
  { definition: `${core}VolumeMount`, property: "recursiveReadOnly", values: ["Disabled", "IfPossible", "Enabled"], mirrors: "validateMountRecursiveReadOnly" },
  { definition: `${core}HostPathVolumeSource`, property: "type", values: ["DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"], mirrors: "validateHostPathType (supportedHostPathTypes)" },
  // Security context
  { definition: `${core}SecurityContext`, property: "procMount", values: ["Default", "Unmasked"], mirrors: "ValidateProcMountType" },
  { definition: `${core}SeccompProfile`, property: "type", values: profileTypes, mirrors: "validateSeccompProfileField (validateSeccompProfileType)" },
  { definition: `${core}AppArmorProfile`, property: "type", values: profileTypes, mirrors: "validateAppArmorProfileField" },
  { definition: `${core}PodSecurityContext`, property: "fsGroupChangePolicy", values: ["OnRootMismatch", "Always"], mirrors: "validateFSGroupChangePolicy (validFSGroupChangePolicies)" },
  { definition: `${core}PodSecurityContext`, property: "supplementalGroupsPolicy", values: ["Merge", "Strict"], mirrors: "validatePodSecurityContext (supplementalGroupsPolicy)" },
  { definition: `${core}PodSecurityContext`, property: "seLinuxChangePolicy", values: ["MountOption", "Recursive"], mirrors: "validatePodSecurityContext (seLinuxChangePolicy)" },
  // Scheduling
  { definition: `${core}Toleration`, property: "effect", values: ["NoSchedule", "PreferNoSchedule", "NoExecute"], mirrors: "validateTaintEffect (allowEmpty)" },
  { definition: `${core}Toleration`, property: "operator", values: ["Equal", "Exists"], since: { version: "1.35", values: ["Lt", "Gt"] }, mirrors: "validateTolerations (Lt and Gt from 1.35, TaintTolerationComparisonOperators)" },
  { definition: `${core}NodeSelectorRequirement`, property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"], mirrors: "validateNodeSelectorRequirement" },
  { definition: `${core}TopologySpreadConstraint`, property: "whenUnsatisfiable", values: ["DoNotSchedule", "ScheduleAnyway"], mirrors: "validateWhenUnsatisfiable (supportedScheduleActions)" },
  { definition: `${core}TopologySpreadConstraint`, property: "nodeAffinityPolicy", values: ["Honor", "Ignore"], mirrors: "validateNodeInclusionPolicy (supportedPodTopologySpreadNodePolicies)" },
  { definition: `${core}TopologySpreadConstraint`, property: "nodeTaintsPolicy", values: ["Honor", "Ignore"], mirrors: "validateNodeInclusionPolicy (supportedPodTopologySpreadNodePolicies)" },
  { definition: `${core}ScopedResourceSelectorRequirement`, property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist"], mirrors: "validateScopedResourceSelectorRequirement" },
  // Services and ports (codes from the semantic rules that checked them before)
  { definition: `${core}ServiceSpec`, property: "type", values: ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"], mirrors: "ValidateService (supportedServiceType)", code: "TKC3307" },
  { definition: `${core}ServicePort`, property: "protocol", values: ["TCP", "UDP", "SCTP"], mirrors: "validateServicePort (supportedPortProtocols)", code: "TKC3306" },
  { definition: `${core}ContainerPort`, property: "protocol", values: ["TCP", "UDP", "SCTP"], mirrors: "validateContainerPorts (supportedPortProtocols)", code: "TKC3222" },
  { definition: "io.k8s.api.networking.v1.NetworkPolicyPort", property: "protocol", values: ["TCP", "UDP", "SCTP"], mirrors: "pkg/apis/networking/validation: ValidateNetworkPolicyPort (supportedProtocols)", code: "TKC3318" },
  { definition: `${core}EndpointPort`, property: "protocol", values: ["TCP", "UDP", "SCTP"], mirrors: "validateEndpointPort (supportedPortProtocols)" },
  { definition: "io.k8s.api.discovery.v1.EndpointPort", property: "protocol", values: ["TCP", "UDP", "SCTP"], mirrors: "pkg/apis/discovery/validation: validatePorts (supportedPortProtocols)" },
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
  { definition: "io.k8s.api.scheduling.v1.PriorityClass", property: "preemptionPolicy", values: ["Never", "PreemptLowerPriority"], mirrors: "pkg/apis/scheduling/validation: ValidatePriorityClass (ValidatePreemptionPolicy)" },
  { definition: "io.k8s.api.storage.v1.StorageClass", property: "reclaimPolicy", values: ["Delete", "Retain"], mirrors: "pkg/apis/storage/validation: validateReclaimPolicy (supportedReclaimPolicy)" },
  { definition: "io.k8s.api.storage.v1.StorageClass", property: "volumeBindingMode", values: ["Immediate", "WaitForFirstConsumer"], mirrors: "pkg/apis/storage/validation: validateVolumeBindingMode" },
  // Workloads
  { definition: "io.k8s.api.apps.v1.StatefulSetSpec", property: "podManagementPolicy", values: ["OrderedReady", "Parallel"], mirrors: "pkg/apis/apps/validation: ValidateStatefulSetSpec (podManagementPolicy switch)", code: "TKC3412" },
  { definition: "io.k8s.api.batch.v1.CronJobSpec", property: "concurrencyPolicy", values: ["Allow", "Forbid", "Replace"], mirrors: "pkg/apis/batch/validation: validateConcurrencyPolicy", code: "TKC3704" },
  { definition: "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", property: "whenDeleted", values: ["Retain", "Delete"], mirrors: "pkg/apis/apps/validation: ValidatePersistentVolumeClaimRetentionPolicyType" },
  { definition: "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", property: "whenScaled", values: ["Retain", "Delete"], mirrors: "pkg/apis/apps/validation: ValidatePersistentVolumeClaimRetentionPolicyType" },
  { definition: "io.k8s.api.batch.v1.JobSpec", property: "podReplacementPolicy", values: ["TerminatingOrFailed", "Failed"], mirrors: "pkg/apis/batch/validation: validatePodReplacementPolicy" },
  { definition: "io.k8s.api.batch.v1.PodFailurePolicyRule", property: "action", values: ["FailJob", "FailIndex", "Ignore", "Count"], mirrors: "pkg/apis/batch/validation: validatePodFailurePolicyRule (supportedPodFailurePolicyActions)" },
  { definition: "io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement", property: "operator", values: ["In", "NotIn"], mirrors: "pkg/apis/batch/validation: validatePodFailurePolicyRuleOnExitCodes (supportedPodFailurePolicyOnExitCodesOperator)" },
  { definition: "io.k8s.api.autoscaling.v2.MetricTarget", property: "type", values: ["Utilization", "Value", "AverageValue"], mirrors: "pkg/apis/autoscaling/validation: validateMetricTarget" },
  { definition: "io.k8s.api.autoscaling.v2.HPAScalingRules", property: "selectPolicy", values: ["Max", "Min", "Disabled"], mirrors: "pkg/apis/autoscaling/validation: validateScalingRules" },
  { definition: "io.k8s.api.autoscaling.v2.HPAScalingPolicy", property: "type", values: ["Pods", "Percent"], mirrors: "pkg/apis/autoscaling/validation: validateScalingPolicy" },
  { definition: "io.k8s.api.policy.v1.PodDisruptionBudgetSpec", property: "unhealthyPodEvictionPolicy", values: ["IfHealthyBudget", "AlwaysAllow"], mirrors: "pkg/apis/policy/validation: ValidatePodDisruptionBudgetSpec (supportedUnhealthyPodEvictionPolicies)" },
  // RBAC and admission
  { definition: "io.k8s.api.rbac.v1.Subject", property: "kind", values: ["User", "Group", "ServiceAccount"], mirrors: "pkg/apis/rbac/validation: ValidateRoleBindingSubject" },
  ...webhooks.flatMap((definition): EnumField[] => [
    { definition, property: "failurePolicy", values: ["Ignore", "Fail"], mirrors: "pkg/apis/admissionregistration/validation: validateWebhook (supportedFailurePolicies)" },
    { definition, property: "matchPolicy", values: ["Exact", "Equivalent"], mirrors: "pkg/apis/admissionregistration/validation: validateWebhook (supportedMatchPolicies)" },
    { definition, property: "sideEffects", values: ["None", "NoneOnDryRun"], mirrors: "pkg/apis/admissionregistration/validation: validateSideEffectClass (v1 on create: noneOnDryRunSideEffectClasses)" },
  ]),
  { definition: webhooks[0]!, property: "reinvocationPolicy", values: ["Never", "IfNeeded"], mirrors: "pkg/apis/admissionregistration/validation: validateMutatingWebhook (supportedReinvocationPolicies)" },
  ...["io.k8s.api.admissionregistration.v1.RuleWithOperations", "io.k8s.api.admissionregistration.v1.NamedRuleWithOperations"].flatMap((definition): EnumField[] => [
    { definition, property: "operations", values: ["*", "CREATE", "UPDATE", "DELETE", "CONNECT"], mirrors: "pkg/apis/admissionregistration/validation: validateRuleWithOperations (supportedOperations)" },
    { definition, property: "scope", values: ["*", "Cluster", "Namespaced"], mirrors: "pkg/apis/admissionregistration/validation: validateRule (supportedScopes)" },
  ]),
  { definition: "io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicySpec", property: "failurePolicy", values: ["Ignore", "Fail"], mirrors: "pkg/apis/admissionregistration/validation: validateValidatingAdmissionPolicySpec (supportedFailurePolicies)" },
  { definition: "io.k8s.api.admissionregistration.v1.MatchResources", property: "matchPolicy", values: ["Exact", "Equivalent"], mirrors: "pkg/apis/admissionregistration/validation: validateMatchResources (supportedMatchPolicies)" },
  { definition: "io.k8s.api.admissionregistration.v1.ParamRef", property: "parameterNotFoundAction", values: ["Allow", "Deny"], mirrors: "pkg/apis/admissionregistration/validation: validateParamRef (supportedParamNotFoundActions)" },
  { definition: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec", property: "scope", values: ["Cluster", "Namespaced"], mirrors: "apiextensions-apiserver pkg/apis/apiextensions/validation: ValidateCustomResourceDefinitionSpec" },
  { definition: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceConversion", property: "strategy", values: ["None", "Webhook"], mirrors: "apiextensions-apiserver pkg/apis/apiextensions/validation: validateCustomResourceConversion" },
];

/**
 * Fields whose description lists values that are deliberately not an enum here, and why. Not
 * listed one by one, and never enums: status types (`*Status`, `*Condition`: the API server
 * ignores status on create) and alpha or beta group-versions (served only where a cluster
 * enables them, and their rules move between releases).
 */
export const NOT_ENUMS: readonly { readonly fields: readonly string[]; readonly reason: string }[] = [
  { fields: [`${core}PodSpec.restartPolicy`], reason: "semantic rule TKC3221 checks it, with the per-kind subset (only Always in a Deployment)" },
  { fields: ["io.k8s.api.networking.v1.NetworkPolicySpec.policyTypes"], reason: "semantic rule TKC3317 checks it (and duplicates)" },
  { fields: ["io.k8s.api.networking.v1.HTTPIngressPath.pathType"], reason: "semantic rule TKC3313 checks it (and that it is set)" },
  { fields: ["io.k8s.api.apps.v1.DeploymentStrategy.type", "io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type", "io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type"], reason: "semantic rule TKC3405 checks it" },
  { fields: ["io.k8s.api.batch.v1.JobSpec.completionMode"], reason: "semantic rule TKC3706 checks it" },
  { fields: ["io.k8s.api.autoscaling.v2.MetricSpec.type"], reason: "semantic rule TKC3504 checks it, with the field each type needs" },
  { fields: ["io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator"], reason: "semantic rule TKC3403 checks it in workload selectors (with the values each operator needs)" },
  { fields: [`${core}EmptyDirVolumeSource.medium`], reason: 'the description says "" or Memory, but the server also accepts HugePages and HugePages-<size> (validateEmptyDirVolumeSource)' },
  { fields: [`${core}Container.restartPolicy`], reason: "the allowed values depend on the version and the container kind (only Always, for init containers, in 1.33; per-container rules later)" },
  { fields: [`${core}ServiceSpec.clusterIP`, `${core}ServiceSpec.clusterIPs`], reason: 'the listed values are "None", "" or any IP address' },
  { fields: [`${core}ServicePort.appProtocol`, `${core}EndpointPort.appProtocol`, "io.k8s.api.discovery.v1.EndpointPort.appProtocol"], reason: "free-form: IANA service names and domain-prefixed names are accepted" },
  { fields: ["io.k8s.api.admissionregistration.v1.ParamRef.name", "io.k8s.api.resource.v1.Device.nodeName", "io.k8s.api.resource.v1.ResourceSliceSpec.nodeName"], reason: '"one of" names fields that exclude each other, not values' },
  { fields: ["io.k8s.api.certificates.v1.CertificateSigningRequestSpec.usages"], reason: "not checked against the server's validation yet" },
  { fields: [`${core}PodCertificateProjection.keyType`, `${core}ContainerRestartRuleOnExitCodes.operator`], reason: "fields of alpha/beta features: not checked against the server's validation yet" },
  { fields: ["io.k8s.api.admissionregistration.v1.MutatingAdmissionPolicySpec.failurePolicy", "io.k8s.api.admissionregistration.v1.MutatingAdmissionPolicySpec.reinvocationPolicy", "io.k8s.api.admissionregistration.v1.Mutation.patchType"], reason: "MutatingAdmissionPolicy (v1 only in the newest release): not checked against the server's validation yet" },
  { fields: ["io.k8s.api.resource.v1.DeviceSubRequest.allocationMode", "io.k8s.api.resource.v1.ExactDeviceRequest.allocationMode", "io.k8s.api.resource.v1.DeviceToleration.effect", "io.k8s.api.resource.v1.DeviceToleration.operator"], reason: "Dynamic Resource Allocation: not checked against the server's validation yet" },
  { fields: ["io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions.dryRun", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions.propagationPolicy", "io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement.operator"], reason: "request options, not fields of an object a manifest creates" },
  { fields: [`${core}NodeAddress.type`], reason: "only in Node status" },
];

/** The enum of `definition.property` in one Kubernetes version (its values and TKC code), or undefined. */
export function enumOverlay(definition: string, property: string, kubeVersion: string): { readonly values: readonly string[]; readonly code?: string } | undefined {
  const entry = ENUM_FIELDS.find((e) => e.definition === definition && e.property === property);
  if (!entry) return undefined;
  const later = entry.since && compareVersions(kubeVersion, entry.since.version) >= 0 ? entry.since.values : [];
  return { values: [...entry.values, ...later], ...(entry.code ? { code: entry.code } : {}) };
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am! - bm! || an! - bn!;
}

import type { EnvVar, RbacAuthorizationV1Role, RbacAuthorizationV1RoleBinding, ServiceAccount } from "tkc/k8s";
import { fail } from "../../../core/errors.js";
import { definePattern } from "../../../core/pattern.js";
import { requireWorkloadType } from "../../../workloads/checks.js";
import { isDns1123Label } from "../../../../syntax/index.js";
import { atProperty } from "../../../core/origin.js";

export interface LeaderElectionOptions {
  /** Name of the coordination.k8s.io Lease the replicas compete for. @default the workload's name */
  readonly lease?: string;
  /**
   * ServiceAccount the pods run as, bound to the Role. @default the workload's serviceAccountName
   * when it sets one (then it is not created here), else a new ServiceAccount named like the workload
   */
  readonly serviceAccount?: string;
  /** Names of the environment variables handed to the app. @default LEASE_NAME, LEASE_NAMESPACE, POD_NAME */
  readonly env?: { readonly lease?: string; readonly namespace?: string; readonly identity?: string };
}

/**
 * Leader election among the replicas, done by the app with a Lease (client-go's leaderelection,
 * or any Lease-based library): the RBAC to read and renew that one Lease, and environment
 * variables telling the app the Lease's name and namespace and its own identity (the pod name).
 */
export const leaderElection = definePattern<LeaderElectionOptions>({
  name: "leader-election",
  check(options, origin) {
    for (const [what, value] of [["lease", options.lease], ["serviceAccount", options.serviceAccount]] as const) {
      if (value !== undefined && !isDns1123Label(value, 253)) fail("TKC2290", `leaderElection ${what} '${value}' is not a valid name`, atProperty(origin, [what]), "use lowercase letters, digits and '-'");
    }
  },
  apply(options, build, _context, origin) {
    requireWorkloadType("TKC2232", "leaderElection", build, ["service", "worker", "statefulService"], origin);
    const lease = options.lease ?? build.name;
    const existing = build.pod.serviceAccountName;
    const account = options.serviceAccount ?? existing ?? build.name;
    const role = `${build.name}-leader-election`;
    const labels = { ...build.selector };
    if (!options.serviceAccount && !existing) {
      const serviceAccount: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: account, labels } };
      build.extraObjects.push({ object: serviceAccount, origin });
    }
    const roleObject: RbacAuthorizationV1Role = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: role, labels },
      rules: [
        // `create` cannot be limited to a name: the API checks it before the object exists.
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"] },
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], resourceNames: [lease], verbs: ["get", "update", "patch"] },
      ],
    };
    const binding: RbacAuthorizationV1RoleBinding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: role, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role },
      subjects: [{ kind: "ServiceAccount", name: account }],
    };
    build.extraObjects.push(
      { object: roleObject, origin, fields: [[["rules", 1, "resourceNames"], ["lease"]]] },
      { object: binding, origin, fields: [[["subjects", 0, "name"], ["serviceAccount"]]] },
    );
    const names = options.env ?? {};
    const envVars: EnvVar[] = [
      { name: names.lease ?? "LEASE_NAME", value: lease },
      { name: names.namespace ?? "LEASE_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
      { name: names.identity ?? "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    ];
    const taken = new Set((build.container.env ?? []).map((e) => e.name));
    const clash = envVars.find((e) => taken.has(e.name));
    if (clash) fail("TKC2290", `leaderElection sets env ${clash.name}, which ${build.type} '${build.name}' sets already`, atProperty(origin, ["env"]), "rename it with env: { lease: \"MY_LEASE\", ... }, or drop it from the workload's env");
    build.container = { ...build.container, env: [...(build.container.env ?? []), ...envVars] };
    build.pod = { ...build.pod, serviceAccountName: account };
  },
});

import type { NetworkingV1NetworkPolicy, NetworkingV1NetworkPolicyPeer } from "tkc/k8s";
import { compact } from "../../../core/merge.js";
import { definePattern } from "../../../core/pattern.js";
import type { PerEnvironment } from "../../../core/per-environment.js";
import { checkPeers, peersOf, policyName, type NetworkPeers } from "./network-peers.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";

export interface AllowToOptions extends Omit<NetworkPeers, "namespaces"> {
  /** Whole namespaces the workload may reach, or per environment. @default none */
  readonly namespaces?: PerEnvironment<readonly string[]>;
  /** Addresses outside the cluster, e.g. ["10.20.0.0/16"] for a managed database. @default none */
  readonly cidrs?: PerEnvironment<readonly string[]>;
  /** Destination port numbers. @default all ports */
  readonly ports?: readonly number[];
}

/**
 * Outgoing traffic this workload may send, under `defaultDeny({ egress: true })`: a
 * NetworkPolicy named `<workload>-to-<peers>` selecting its pods.
 */
export const allowTo = definePattern<AllowToOptions>({
  name: "allow-to",
  check(options, origin) {
    const namespaces = sameInEveryEnvironment(options.namespaces) ?? (options.namespaces ? ["placeholder"] : []);
    const cidrs = sameInEveryEnvironment(options.cidrs)?.length ?? (options.cidrs ? 1 : 0);
    checkPeers("allowTo()", { workloads: options.workloads, namespaces }, cidrs, origin);
  },
  apply(options, build, context, origin) {
    const namespaces = optionForEnvironment(options.namespaces, context) ?? [];
    const cidrs = optionForEnvironment(options.cidrs, context) ?? [];
    checkPeers("allowTo()", { workloads: options.workloads, namespaces }, cidrs.length, origin);
    const peers: NetworkingV1NetworkPolicyPeer[] = [...peersOf(options.workloads, namespaces, context), ...cidrs.map((cidr) => ({ ipBlock: { cidr } }))];
    const parts = [...(options.workloads ?? []), ...namespaces.map((ns) => `ns-${ns}`), ...(cidrs.length > 0 ? ["cidrs"] : [])];
    const policy: NetworkingV1NetworkPolicy = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: policyName(build.name, "to", parts), labels: labelsFor(build) },
      spec: {
        podSelector: { matchLabels: { ...build.selector } },
        policyTypes: ["Egress"],
        egress: [compact({ to: peers, ports: options.ports?.map((port) => ({ port, protocol: "TCP" as const })) })],
      },
    };
    build.extraObjects.push({ object: policy, origin, fields: [[[], []], [["spec", "egress", 0, "ports"], ["ports"]]] });
  },
});

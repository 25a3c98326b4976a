import type { NetworkingV1NetworkPolicy, NetworkingV1NetworkPolicyEgressRule } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component } from "../../../core/component.js";
import { fail } from "../../../core/errors.js";
import { compact } from "../../../core/merge.js";
import { checkCall } from "../../../core/report.js";
import { captureOrigin } from "../../../core/origin.js";

export interface DefaultDenyOptions {
  /** Name of the NetworkPolicy. @default "default-deny" */
  readonly name?: string;
  /** Also deny outgoing traffic; each workload then needs `allowTo()`. @default false */
  readonly egress?: boolean;
  /** With `egress`, still let every pod query the cluster DNS (kube-dns in kube-system, port 53). @default true */
  readonly allowDns?: boolean;
}

/** Egress to the cluster DNS: kube-dns pods in kube-system, UDP and TCP 53. */
export const dnsEgress: NetworkingV1NetworkPolicyEgressRule = {
  to: [
    {
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
      podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
    },
  ],
  ports: [
    { port: 53, protocol: "UDP" },
    { port: 53, protocol: "TCP" },
  ],
};

/**
 * A NetworkPolicy selecting every pod of the environment's namespace and allowing no incoming
 * (and with `egress`, no outgoing) traffic; `allowFrom()` and `allowTo()` on workloads open what
 * each needs. Policies are additive, so the allowances win over this default.
 */
export function defaultDeny(options: DefaultDenyOptions = {}): Component {
  const origin = captureOrigin();
  const name = options.name ?? "default-deny";
  const usable = checkCall(origin, options, () => {
    if (options.allowDns === false && !options.egress) {
      fail("TKC2683", "defaultDeny() sets allowDns: false without egress: true; DNS is only restricted when egress is denied", origin, "add egress: true, or drop allowDns");
    }
  });
  if (!usable) return rejectedComponent("defaultDeny", name, origin);
  return defineComponent({
    type: "defaultDeny",
    name,
    origin,
    expand() {
      const egress = options.egress ?? false;
      const policy: NetworkingV1NetworkPolicy = {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name },
        spec: compact({
          podSelector: {},
          policyTypes: egress ? ["Ingress", "Egress"] : ["Ingress"],
          egress: egress && options.allowDns !== false ? [dnsEgress] : undefined,
        }),
      };
      return [{ object: policy, origin, fields: [[[], []], [["metadata", "name"], ["name"]], [["spec", "egress"], ["allowDns"]]] }];
    },
  });
}

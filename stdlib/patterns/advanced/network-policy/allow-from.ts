import type { NetworkingV1NetworkPolicy } from "tkc/k8s";
import { compact } from "../../../core/merge.js";
import { definePattern } from "../../../core/pattern.js";
import type { PerEnvironment } from "../../../core/per-environment.js";
import { adminJobPeersOf, checkPeers, peersOf, policyName, portsOf, type NetworkPeers } from "./network-peers.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";

export interface AllowFromOptions extends Omit<NetworkPeers, "namespaces"> {
  /** Whole namespaces that may connect, e.g. ["monitoring"], or per environment. @default none */
  readonly namespaces?: PerEnvironment<readonly string[]>;
  /** The workload's ports they may reach, by name or number. @default all of the workload's ports */
  readonly ports?: readonly (string | number)[];
}

/**
 * Incoming traffic this workload accepts, under a `defaultDeny()` policy: a NetworkPolicy named
 * `<workload>-from-<peers>` selecting its pods and allowing the listed workloads (and their
 * `migrationJob()` pods) and namespaces.
 */
export const allowFrom = definePattern<AllowFromOptions>({
  name: "allow-from",
  check(options, origin) {
    const namespaces = sameInEveryEnvironment(options.namespaces);
    checkPeers("allowFrom()", { workloads: options.workloads, namespaces: namespaces ?? (options.namespaces ? ["placeholder"] : []) }, 0, origin);
  },
  apply(options, build, context, origin) {
    const namespaces = optionForEnvironment(options.namespaces, context) ?? [];
    checkPeers("allowFrom()", { workloads: options.workloads, namespaces }, 0, origin);
    const ports = portsOf("allowFrom()", build, options.ports, origin);
    const parts = [...(options.workloads ?? []), ...namespaces.map((ns) => `ns-${ns}`)];
    const makePolicy = (): NetworkingV1NetworkPolicy => ({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: policyName(build.name, "from", parts), labels: labelsFor(build) },
      spec: {
        podSelector: { matchLabels: { ...build.selector } },
        policyTypes: ["Ingress"],
        // Workload peers first, so from[i] is workloads[i] of the call (see the field mapping).
        ingress: [compact({ from: [...peersOf(options.workloads, namespaces, context), ...adminJobPeersOf(options.workloads, context)], ports })],
      },
    });
    // Built when the compiler reads it, after every component expanded: only then is it known
    // which named workloads have migration Jobs to admit.
    let policy: NetworkingV1NetworkPolicy | undefined;
    build.extraObjects.push({
      get object() {
        policy ??= makePolicy();
        return policy;
      },
      origin,
      fields: [[[], []], [["spec", "ingress", 0, "ports"], ["ports"]], [["spec", "ingress", 0, "from"], ["workloads"]]],
    });
  },
});

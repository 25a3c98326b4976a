import type { NetworkingV1NetworkPolicyPeer, NetworkingV1NetworkPolicyPort } from "tkc/k8s";
import type { ExpandContext } from "../../../core/component.js";
import { fail } from "../../../core/errors.js";
import { selectorLabels } from "../../../core/labels.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import type { WorkloadBuild } from "../../../core/pattern.js";
import { adminJobLabels, hasAdminJob } from "../../support/admin-jobs.js";
import { isDns1123Label } from "../../../../syntax/index.js";


/** Who may talk to whom: workloads of this release (same namespace) and whole namespaces. */
export interface NetworkPeers {
  /** Workloads of this release, by name, in the same namespace. */
  readonly workloads?: readonly string[];
  /** Whole namespaces, by name (matched with the `kubernetes.io/metadata.name` label). */
  readonly namespaces?: readonly string[];
}

export function checkPeers(pattern: string, peers: NetworkPeers, cidrs: number, origin: SourceLocation | undefined): void {
  const count = (peers.workloads?.length ?? 0) + (peers.namespaces?.length ?? 0) + cidrs;
  if (count === 0) {
    fail("TKC2680", `${pattern} names no peer, so the policy would allow nothing`, origin, `list workloads: ["web"] or namespaces: ["monitoring"]`);
  }
  for (const name of [...(peers.workloads ?? []), ...(peers.namespaces ?? [])]) {
    if (!isDns1123Label(name)) {
      fail("TKC2681", `${pattern} peer '${name}' is not a DNS-1123 label, so it names no workload or namespace`, origin, "use the workload's or namespace's name, e.g. \"web\"");
    }
  }
}

export function peersOf(workloads: readonly string[] | undefined, namespaces: readonly string[], context: ExpandContext): NetworkingV1NetworkPolicyPeer[] {
  return [
    ...(workloads ?? []).map((name) => ({ podSelector: { matchLabels: selectorLabels(name, context) } })),
    ...namespaces.map((name) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } } })),
  ];
}

/**
 * Peers for the admin Jobs (migrations) of the named workloads that have them: a policy admitting
 * a workload admits its migrations too, which run the same code against the same backends.
 * Call it only once the release has expanded (see hasAdminJob).
 */
export function adminJobPeersOf(workloads: readonly string[] | undefined, context: ExpandContext): NetworkingV1NetworkPolicyPeer[] {
  return (workloads ?? []).filter((name) => hasAdminJob(context, name)).map((name) => ({ podSelector: { matchLabels: adminJobLabels(name, context.release.name) } }));
}

/** Ports by the workload's port names or numbers; names are turned into numbers and protocols. */
export function portsOf(pattern: string, build: WorkloadBuild, ports: readonly (string | number)[] | undefined, origin: SourceLocation | undefined): NetworkingV1NetworkPolicyPort[] | undefined {
  if (ports === undefined) {
    if (build.ports.length === 0) return undefined;
    return build.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol ?? "TCP" }));
  }
  return ports.map((port, index) => {
    if (typeof port === "number") return { port, protocol: "TCP" };
    const declared = build.ports.find((p) => p.name === port);
    if (!declared) {
      const known = build.ports.map((p) => `'${p.name}'`).join(", ") || "none";
      fail("TKC2682", `${pattern} allows port '${port}', which workload '${build.name}' does not declare (its ports: ${known})`, atProperty(origin, ["ports", index]), "name one of the workload's ports, or give a port number");
    }
    return { port: declared.containerPort, protocol: declared.protocol ?? "TCP" };
  });
}

/** A readable, stable policy name from its peers: `api-from-web-ns-monitoring`. */
export function policyName(workload: string, direction: "from" | "to", parts: readonly string[]): string {
  return `${workload}-${direction}-${parts.join("-")}`.slice(0, 253).replace(/[-.]+$/, "");
}

import type { TopologySpreadConstraint } from "tkc/k8s";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { definePattern } from "../../../core/pattern.js";
import { atProperty } from "../../../core/origin.js";
import { checkWhole } from "../../../workloads/checks.js";

/** Node label that names each failure domain. */
export const TOPOLOGY_KEYS = { node: "kubernetes.io/hostname", zone: "topology.kubernetes.io/zone" } as const;
export type Topology = keyof typeof TOPOLOGY_KEYS;

export interface SpreadOptions {
  /** Failure domains to spread over, in order. @default ["zone", "node"] */
  readonly across?: readonly Topology[];
  /** `required` refuses to schedule a pod that would unbalance the spread; `preferred` only tries. @default "preferred" */
  readonly mode?: PerEnvironment<"preferred" | "required">;
  /** Largest allowed difference in pod count between two domains. @default 1 */
  readonly maxSkew?: PerEnvironment<number>;
}

/**
 * Topology spread constraints over the workload's own pods (its selector labels), so replicas land
 * in different zones and on different nodes. Deployments also match `pod-template-hash`, so a
 * rollout's new pods are spread among themselves, not counted against the old ones.
 */
export const spreadReplicas = definePattern<SpreadOptions>({
  name: "spread-replicas",
  check(options, origin) {
    const across = options.across ?? ["zone", "node"];
    if (across.length === 0) fail("TKC2240", "spreadReplicas across is empty", atProperty(origin, ["across"]), "spread across [\"zone\"], [\"node\"] or both");
    across.forEach((t) => {
      if (!(t in TOPOLOGY_KEYS)) report.error("TKC2240", `spreadReplicas cannot spread across '${t}'`, atProperty(origin, ["across"]), { hint: "use \"zone\" or \"node\"" });
    });
    if (new Set(across).size !== across.length) report.error("TKC2240", "spreadReplicas lists a domain twice", atProperty(origin, ["across"]), { hint: "list each of zone and node once" });
    if (typeof options.maxSkew === "number") checkWhole("TKC2240", "maxSkew", options.maxSkew, 1, atProperty(origin, ["maxSkew"]));
  },
  apply(options, build, context, origin) {
    if (build.type === "daemon") fail("TKC2232", `spreadReplicas() cannot be applied to daemon '${build.name}': a DaemonSet already runs one pod per node`, origin, "remove the pattern");
    const mode = resolve(options.mode ?? "preferred", context.environment);
    const maxSkew = resolve(options.maxSkew ?? 1, context.environment);
    checkWhole("TKC2240", "maxSkew", maxSkew, 1, origin);
    const rolling = build.type === "service" || build.type === "worker";
    const whenUnsatisfiable: TopologySpreadConstraint["whenUnsatisfiable"] = mode === "required" ? "DoNotSchedule" : "ScheduleAnyway";
    const constraints: TopologySpreadConstraint[] = (options.across ?? ["zone", "node"]).map((topology) =>
      compact({
        maxSkew,
        topologyKey: TOPOLOGY_KEYS[topology],
        whenUnsatisfiable,
        labelSelector: { matchLabels: { ...build.selector } },
        matchLabelKeys: rolling ? ["pod-template-hash"] : undefined,
      }),
    );
    build.pod = { ...build.pod, topologySpreadConstraints: [...(build.pod.topologySpreadConstraints ?? []), ...constraints] };
  },
});

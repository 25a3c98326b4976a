import type { PodAffinityTerm } from "tkc/k8s";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { definePattern } from "../../../core/pattern.js";
import { atProperty } from "../../../core/origin.js";
import { TOPOLOGY_KEYS, type Topology } from "./spread.js";

export interface AntiAffinityOptions {
  /** Keep replicas apart per node or per zone. @default "node" */
  readonly per?: Topology;
  /**
   * `required`: never two replicas in one domain (replicas beyond the domain count stay Pending);
   * `preferred`: the scheduler tries. @default "preferred"
   */
  readonly mode?: PerEnvironment<"preferred" | "required">;
  /** Weight of the preference, 1-100. @default 100 */
  readonly weight?: number;
}

/** Pod anti-affinity against the workload's own pods: replicas on different nodes (or zones). */
export const antiAffinity = definePattern<AntiAffinityOptions>({
  name: "anti-affinity",
  check(options, origin) {
    if (options.per !== undefined && !(options.per in TOPOLOGY_KEYS)) fail("TKC2240", `antiAffinity per '${options.per}' is not a failure domain`, atProperty(origin, ["per"]), "use \"node\" or \"zone\"");
    const weight = options.weight;
    if (weight !== undefined && (!Number.isInteger(weight) || weight < 1 || weight > 100)) fail("TKC2240", `antiAffinity weight ${weight} is outside 1-100`, atProperty(origin, ["weight"]), "use a weight from 1 to 100");
  },
  apply(options, build, context, origin) {
    if (build.type === "daemon") fail("TKC2232", `antiAffinity() cannot be applied to daemon '${build.name}': a DaemonSet already runs one pod per node`, origin, "remove the pattern");
    const term: PodAffinityTerm = { topologyKey: TOPOLOGY_KEYS[options.per ?? "node"], labelSelector: { matchLabels: { ...build.selector } } };
    const mode = resolve(options.mode ?? "preferred", context.environment);
    const existing = build.pod.affinity?.podAntiAffinity ?? {};
    const podAntiAffinity =
      mode === "required"
        ? { ...existing, requiredDuringSchedulingIgnoredDuringExecution: [...(existing.requiredDuringSchedulingIgnoredDuringExecution ?? []), term] }
        : { ...existing, preferredDuringSchedulingIgnoredDuringExecution: [...(existing.preferredDuringSchedulingIgnoredDuringExecution ?? []), { weight: options.weight ?? 100, podAffinityTerm: term }] };
    build.pod = { ...build.pod, affinity: { ...build.pod.affinity, podAntiAffinity } };
  },
});

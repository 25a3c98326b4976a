import type { AutoscalingK8sIoV1VerticalPodAutoscaler } from "tkc/crds";
import type { PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { compareQuantities, isNegative, parseQuantity } from "../../../../syntax/index.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";
import { noteAt, requireScalableWorkload } from "../../support/replicas.js";

/**
 * How the VPA applies its recommendations: `Off` only records them (read them with
 * `kubectl describe vpa`), `Initial` sets requests when pods are created, `Recreate` also evicts
 * pods whose requests are far off, `InPlaceOrRecreate` resizes running pods where it can.
 */
export type VerticalUpdateMode = "Off" | "Initial" | "Recreate" | "InPlaceOrRecreate";

/** Resource amounts, e.g. `{ cpu: "100m", memory: "128Mi" }`. */
export interface ResourceBounds {
  readonly cpu?: string;
  readonly memory?: string;
}

export interface ContainerPolicy {
  /** Smallest requests the VPA may set. @default none */
  readonly minAllowed?: PerEnvironment<ResourceBounds>;
  /** Largest requests the VPA may set; keep it within the node size. @default none */
  readonly maxAllowed?: PerEnvironment<ResourceBounds>;
  /** Resources the VPA manages. @default ["cpu", "memory"] */
  readonly controlledResources?: readonly ("cpu" | "memory")[];
  /** `Off` leaves this container alone. @default "Auto" */
  readonly mode?: "Auto" | "Off";
}

export interface VerticalAutoscaleOptions extends ContainerPolicy {
  /** @default "Off" (recommendations only; switch on once they look right) */
  readonly updateMode?: PerEnvironment<VerticalUpdateMode>;
  /** Policies for other containers of the pod (sidecars), by container name. @default none */
  readonly containers?: Readonly<Record<string, ContainerPolicy>>;
}

const MODES: readonly string[] = ["Off", "Initial", "Recreate", "InPlaceOrRecreate"];

/** `policy`: where the bounds are among the options (`[]` for the main container's, `["containers", name]`). */
function checkBounds(container: string | undefined, min: ResourceBounds | undefined, max: ResourceBounds | undefined, origin: SourceLocation | undefined, policy: readonly string[]): void {
  for (const resource of ["cpu", "memory"] as const) {
    const low = min?.[resource] === undefined ? undefined : parseQuantity(min[resource]);
    const high = max?.[resource] === undefined ? undefined : parseQuantity(max[resource]);
    for (const [which, value, q] of [["minAllowed", min?.[resource], low], ["maxAllowed", max?.[resource], high]] as const) {
      if (value !== undefined && (!q || isNegative(q))) {
        report.error("TKC2611", `verticalAutoscale() ${which}.${resource} of ${container === undefined ? "the main container" : `container '${container}'`} is ${JSON.stringify(value)}, which is not a quantity`, atProperty(origin, [...policy, which, resource]), { hint: resource === "cpu" ? "e.g. \"100m\" or \"2\"" : "e.g. \"128Mi\" or \"2Gi\"" });
      }
    }
    if (low && high && compareQuantities(low, high) > 0) {
      report.error("TKC2611", `verticalAutoscale() minAllowed.${resource} (${min![resource]}) of ${container === undefined ? "the main container" : `container '${container}'`} is above maxAllowed.${resource} (${max![resource]})`, atProperty(origin, [...policy, "minAllowed", resource]), { hint: "swap them, or raise maxAllowed" });
    }
  }
}

function checkMode(mode: string | undefined, origin: SourceLocation | undefined): void {
  if (mode !== undefined && !MODES.includes(mode)) {
    const hint = mode === "Auto" ? "\"Auto\" is deprecated in VPA 1.4 (it means Recreate): write \"Recreate\", or \"InPlaceOrRecreate\" to resize pods in place" : `use one of ${MODES.map((m) => `"${m}"`).join(", ")}`;
    // Reported, not thrown: the bounds are checked too, in the same run.
    report.error("TKC2610", `verticalAutoscale() updateMode '${mode}' is not one of ${MODES.join(", ")}`, atProperty(origin, ["updateMode"]), { hint });
  }
}

/**
 * A VerticalPodAutoscaler (autoscaling.k8s.io/v1) named like the workload, recommending or
 * setting its containers' requests between `minAllowed` and `maxAllowed`.
 */
export const verticalAutoscale = definePattern<VerticalAutoscaleOptions>({
  name: "vertical-autoscale",
  check(options, origin) {
    checkMode(sameInEveryEnvironment(options.updateMode), origin);
    checkBounds(undefined, sameInEveryEnvironment(options.minAllowed), sameInEveryEnvironment(options.maxAllowed), origin, []);
    for (const [name, policy] of Object.entries(options.containers ?? {})) checkBounds(name, sameInEveryEnvironment(policy.minAllowed), sameInEveryEnvironment(policy.maxAllowed), origin, ["containers", name]);
  },
  apply(options, build, context, origin) {
    if (build.type === "job" || build.type === "cronJob") {
      fail("TKC2613", `verticalAutoscale() needs a long-running workload, but '${build.name}' is a ${build.type}`, origin, "apply it to a service(), worker(), statefulService() or daemon()");
    }
    const updateMode = optionForEnvironment(options.updateMode, context) ?? "Off";
    checkMode(updateMode, origin);
    const policies = [[build.name, options] as const, ...Object.entries(options.containers ?? {})].map(([containerName, policy], index) => {
      const minAllowed = optionForEnvironment(policy.minAllowed, context);
      const maxAllowed = optionForEnvironment(policy.maxAllowed, context);
      checkBounds(containerName, minAllowed, maxAllowed, origin, index === 0 ? [] : ["containers", containerName]);
      return compact({
        containerName,
        mode: policy.mode,
        controlledResources: policy.controlledResources ? [...policy.controlledResources] : undefined,
        minAllowed: minAllowed ? { ...minAllowed } : undefined,
        maxAllowed: maxAllowed ? { ...maxAllowed } : undefined,
      });
    });
    if (updateMode !== "Off" && options.mode !== "Off") {
      const controlled = options.controlledResources ?? ["cpu", "memory"];
      build.verticalInAutoMode = { resources: controlled, origin };
      const horizontal = build.horizontalResources;
      const clash = controlled.filter((resource) => horizontal?.resources.includes(resource));
      if (clash.length > 0) {
        fail(
          "TKC2612",
          `verticalAutoscale() changes the ${clash.join(" and ")} requests of '${build.name}' while autoscale() scales on ${clash.join(" and ")} utilization: each would undo the other`,
          origin,
          `set controlledResources to what the HPA does not target, or updateMode: "Off" for recommendations only`,
          noteAt("the autoscale() is here", horizontal!.origin),
        );
      }
    }
    // VPA also resizes daemons; like the HPA it needs one object it can name.
    const target = build.type === "daemon" ? "DaemonSet" : requireScalableWorkload("TKC2605", "verticalAutoscale()", build, origin).kind;
    const vpa: AutoscalingK8sIoV1VerticalPodAutoscaler = {
      apiVersion: "autoscaling.k8s.io/v1",
      kind: "VerticalPodAutoscaler",
      metadata: { name: build.name, labels: labelsFor(build) },
      spec: {
        targetRef: { apiVersion: "apps/v1", kind: target, name: build.name },
        updatePolicy: { updateMode },
        resourcePolicy: { containerPolicies: policies },
      },
    };
    build.extraObjects.push({
      object: vpa,
      origin,
      fields: [
        [[], []],
        [["spec", "updatePolicy", "updateMode"], ["updateMode"]],
        [["spec", "resourcePolicy", "containerPolicies", 0, "minAllowed"], ["minAllowed"]],
        [["spec", "resourcePolicy", "containerPolicies", 0, "maxAllowed"], ["maxAllowed"]],
        [["spec", "resourcePolicy", "containerPolicies", 0, "controlledResources"], ["controlledResources"]],
      ],
    });
  },
});

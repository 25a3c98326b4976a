import type { SchedulingV1PriorityClass } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type FieldMapping } from "../../../core/component.js";
import { fail } from "../../../core/errors.js";
import { compact } from "../../../core/merge.js";
import { shownText } from "../../../core/shown.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, captureOrigin } from "../../../core/origin.js";
import { isDns1123Subdomain } from "../../../../syntax/index.js";

export interface PriorityClassOptions {
  /** Name pods refer to with `pod: { priorityClassName }`; must not start with `system-`. */
  readonly name: string;
  /** Higher schedules first and may preempt lower; user classes go up to 1,000,000,000. */
  readonly value: number;
  /** What the class is for, shown by kubectl. */
  readonly description?: string;
  /** Give this class to pods that name none. At most one class in a cluster may. @default false */
  readonly globalDefault?: boolean;
  /** `Never` queues ahead of lower classes without evicting them. @default "PreemptLowerPriority" */
  readonly preemptionPolicy?: "PreemptLowerPriority" | "Never";
}

const MAX_USER_PRIORITY = 1_000_000_000;

/** A PriorityClass (cluster-scoped): how pods that name it rank for scheduling and preemption. */
export function priorityClass(options: PriorityClassOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(
    origin,
    options,
    () => {
      if (!isDns1123Subdomain(options.name) || options.name.startsWith("system-")) {
        fail("TKC2221", `priority class name '${shownText(options.name)}' is not a DNS subdomain outside the reserved 'system-' prefix`, atProperty(origin, ["name"]), "use lowercase letters, digits and '-', e.g. \"shop-critical\"");
      }
    },
    () => {
      if (!Number.isInteger(options.value) || options.value < -2_147_483_648 || options.value > MAX_USER_PRIORITY) {
        fail("TKC2221", `priority class value ${shownText(options.value)} is outside the range for user classes (-2147483648 to 1000000000)`, atProperty(origin, ["value"]), "higher values are reserved for system-cluster-critical and system-node-critical");
      }
    },
  );
  if (!usable) return rejectedComponent("priorityClass", options?.name, origin);
  return defineComponent({
    type: "priorityClass",
    name: options.name,
    origin,
    expand() {
      const object: SchedulingV1PriorityClass = compact({
        apiVersion: "scheduling.k8s.io/v1" as const,
        kind: "PriorityClass" as const,
        metadata: { name: options.name },
        value: options.value,
        description: options.description,
        globalDefault: options.globalDefault,
        preemptionPolicy: options.preemptionPolicy,
      });
      const fields: FieldMapping[] = ["value", "description", "globalDefault", "preemptionPolicy"].map((key): FieldMapping => [[key], [key]]);
      return [{ object, origin, fields: [[["metadata", "name"], ["name"]], ...fields] }];
    },
  });
}

import type { ServiceSpec } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type FieldMapping, type ObjectDraft } from "../../../core/component.js";
import { isPerEnv, resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { compact, mergeOverride } from "../../../core/merge.js";
import { checkCall } from "../../../core/report.js";
import { shownJson } from "../../../core/shown.js";
import { atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import type { ServiceOptions } from "../../../workloads/service.js";
import { deploymentDraft } from "../../../workloads/deployment.js";
import { checkWorkloadOptions, portsOf, serviceFields, serviceMetadata } from "../../../workloads/pod.js";
import { serviceFor } from "../../../workloads/service-object.js";
import { checkWhole } from "../../../workloads/checks.js";

export type Colour = "blue" | "green";

/** The label that tells the colours' pods apart. */
export const COLOUR_LABEL = "tkc.dev/colour";

export interface BlueGreenOptions extends Omit<ServiceOptions, "image"> {
  /** Image of the blue Deployment. */
  readonly blue: PerEnvironment<string>;
  /** Image of the green Deployment. */
  readonly green: PerEnvironment<string>;
  /** The colour the Service sends traffic to; switching is this one value. */
  readonly active: PerEnvironment<Colour>;
  /** Replicas of the inactive colour: 0 frees its resources, `replicas` keeps it warm for an instant switch back. @default replicas */
  readonly inactiveReplicas?: PerEnvironment<number>;
  /** Also emit `<name>-preview`, a Service for the inactive colour, to test it before switching. @default true */
  readonly preview?: boolean;
}

function checkActive(value: unknown, origin: SourceLocation | undefined): Colour {
  if (value !== "blue" && value !== "green") fail("TKC2233", `blueGreen active must be "blue" or "green", got ${shownJson(value)}`, origin, "set active: \"blue\" or active: perEnv({ ... })");
  return value;
}

/**
 * Blue-green deployment: two Deployments, `<name>-blue` and `<name>-green`, each with its own
 * image, and one Service `<name>` that selects only the active colour.
 */
export function blueGreen(options: BlueGreenOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(
    origin,
    options,
    () => {
      checkWorkloadOptions({ ...options, image: options.blue }, origin);
      if (portsOf({ ...options, image: options.blue }, origin).length === 0) {
        fail("TKC2233", `blueGreen '${options.name}' has no port, so its Service would route nowhere`, origin, "add port: { name: \"http\", containerPort: 8080 }");
      }
    },
    () => {
      if (!isPerEnv(options.active)) checkActive(options.active, atProperty(origin, ["active"]));
    },
    () => {
      if (typeof options.inactiveReplicas === "number") checkWhole("TKC2233", "inactiveReplicas", options.inactiveReplicas, 0, origin);
    },
  );
  if (!usable) return rejectedComponent("blueGreen", options?.name, origin);
  return defineComponent({
    type: "blueGreen",
    name: options.name,
    origin,
    expand(context) {
      const environment = context.environment;
      const active = checkActive(resolve(options.active, environment), atProperty(origin, ["active"]));
      const replicas = resolve(options.replicas ?? 1, environment);
      const inactiveReplicas = resolve(options.inactiveReplicas ?? replicas, environment);
      checkWhole("TKC2233", "inactiveReplicas", inactiveReplicas, 0, origin);
      const base = { ...options, image: options.blue };
      const drafts: ObjectDraft[] = [];
      const extras: ObjectDraft[] = [];
      let serviceBuild;
      for (const colour of ["blue", "green"] as const) {
        const { build, draft } = deploymentDraft("service", base, context, origin, {
          name: `${options.name}-${colour}`,
          image: options[colour],
          replicas: colour === active ? replicas : inactiveReplicas,
          labels: { [COLOUR_LABEL]: colour },
          fields: [
            [["spec", "template", "spec", "containers", 0, "image"], [colour]],
            [["spec", "replicas"], [colour === active ? "replicas" : "inactiveReplicas"]],
          ],
        });
        drafts.push(draft);
        // Patterns run for both colours; objects they add (budgets, config) are kept once.
        if (colour === "blue") {
          extras.push(...build.extraObjects);
          serviceBuild = build;
        }
      }
      const build = serviceBuild!;
      const ports = portsOf(base, origin);
      const spec = mergeOverride(build.serviceSpec, resolveDeep(options.service, environment)) as Partial<ServiceSpec>;
      // The main Service selects `active`'s colour (this environment's entry); the preview selects the other, set by `preview`.
      const colourService = (name: string, colour: Colour, selectedBy: "active" | "preview"): ObjectDraft => {
        const selected = { ...build, selector: { ...build.selector, [COLOUR_LABEL]: colour } };
        const metadata = { ...serviceMetadata(base, build), name };
        const fields: FieldMapping[] = [[["spec", "selector"], [selectedBy]], [["spec", "selector", "app.kubernetes.io/name"], ["name"]], ...serviceFields(base)];
        return { ...serviceFor(selected, ports, compact(metadata), origin, { spec }), fields };
      };
      const services = [colourService(options.name, active, "active")];
      if (options.preview !== false) services.push(colourService(`${options.name}-preview`, active === "blue" ? "green" : "blue", "preview"));
      return [...drafts, ...services, ...extras];
    },
  });
}

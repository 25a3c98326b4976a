import type { NetworkingV1Ingress, ServiceSpec } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type FieldMapping, type ObjectDraft } from "../../../core/component.js";
import { isPerEnv, resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { compact, mergeOverride } from "../../../core/merge.js";
import { checkCall } from "../../../core/report.js";
import { shownJson } from "../../../core/shown.js";
import { atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import type { WorkloadBuild } from "../../../core/pattern.js";
import type { ServiceOptions } from "../../../workloads/service.js";
import { deploymentDraft } from "../../../workloads/deployment.js";
import { checkWorkloadOptions, portsOf, serviceFields, serviceMetadata } from "../../../workloads/pod.js";
import { serviceFor } from "../../../workloads/service-object.js";
import { checkWhole } from "../../../workloads/checks.js";

/** The label that tells stable pods from canary pods. */
export const TRACK_LABEL = "tkc.dev/track";

/** Route by ingress-nginx's canary annotations instead of by replica counts. */
export interface CanaryIngressOptions {
  /** Host name of the app. */
  readonly host: PerEnvironment<string>;
  /** @default "/" */
  readonly path?: string;
  /** @default the cluster's default IngressClass */
  readonly className?: PerEnvironment<string>;
  /** Serve the host over TLS with the certificate in this Secret. @default none */
  readonly tlsSecretName?: string;
}

export interface CanaryOptions extends ServiceOptions {
  /** Image of the canary (`image` is the stable one). */
  readonly canaryImage: PerEnvironment<string>;
  /** Percent of traffic (0-100) for the canary. 0 removes it; 100 sends everything to it. */
  readonly weight: PerEnvironment<number>;
  /**
   * Route with ingress-nginx: Services `<name>-stable` and `<name>-canary`, an Ingress `<name>`
   * and a canary Ingress `<name>-canary` carrying `canary-weight`, so `weight` is exact.
   * @default none: the weight is approximated by the replica split behind one Service
   */
  readonly nginx?: CanaryIngressOptions;
  /** Canary replicas when routing with nginx (the weight needs no replica split there). @default 1 (0 at weight 0) */
  readonly canaryReplicas?: PerEnvironment<number>;
}

function checkWeight(weight: unknown, origin: SourceLocation | undefined): number {
  if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 0 || weight > 100) {
    fail("TKC2234", `canary weight must be a whole percentage from 0 to 100, got ${shownJson(weight)}`, atProperty(origin, ["weight"]), "e.g. weight: 10 sends about a tenth of the requests to the canary");
  }
  return weight;
}

/**
 * Replicas of each track for a weight: the canary gets its share of `replicas`, rounded, but at
 * least one pod when the weight is above 0 and at most all but one while it is below 100.
 */
export function canarySplit(replicas: number, weight: number): { stable: number; canary: number } {
  if (weight === 0) return { stable: replicas, canary: 0 };
  if (weight === 100) return { stable: 0, canary: replicas };
  const canary = Math.min(Math.max(1, Math.round((replicas * weight) / 100)), Math.max(1, replicas - 1));
  return { stable: Math.max(replicas - canary, 1), canary };
}

/**
 * Canary release: a stable and a canary Deployment of the same app (`<name>-stable`,
 * `<name>-canary`) behind the Service `<name>`, traffic split by `weight`.
 */
export function canary(options: CanaryOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(
    origin,
    options,
    () => {
      checkWorkloadOptions(options, origin);
      if (portsOf(options, origin).length === 0) fail("TKC2234", `canary '${options.name}' has no port, so its Service would route nowhere`, origin, "add port: { name: \"http\", containerPort: 8080 }");
    },
    () => {
      if (!isPerEnv(options.weight)) checkWeight(options.weight, origin);
    },
  );
  if (!usable) return rejectedComponent("canary", options?.name, origin);
  return defineComponent({
    type: "canary",
    name: options.name,
    origin,
    expand(context) {
      const environment = context.environment;
      const weight = checkWeight(resolve(options.weight, environment), origin);
      const replicas = resolve(options.replicas ?? 1, environment);
      checkWhole("TKC2234", "replicas", replicas, 1, origin);
      const nginx = options.nginx;
      const split = nginx
        ? { stable: replicas, canary: weight === 0 ? 0 : resolve(options.canaryReplicas ?? 1, environment) }
        : canarySplit(replicas, weight);
      const drafts: ObjectDraft[] = [];
      const extras: ObjectDraft[] = [];
      let stableBuild: WorkloadBuild | undefined;
      for (const track of ["stable", "canary"] as const) {
        const { build, draft } = deploymentDraft("service", options, context, origin, {
          name: `${options.name}-${track}`,
          image: track === "canary" ? options.canaryImage : undefined,
          replicas: split[track],
          labels: { [TRACK_LABEL]: track },
          fields: track === "canary" ? [[["spec", "template", "spec", "containers", 0, "image"], ["canaryImage"]], [["spec", "replicas"], [nginx ? "canaryReplicas" : "weight"]]] : [],
        });
        drafts.push(draft);
        // Patterns run for both tracks; the objects they add are kept once, selecting both tracks.
        if (track === "stable") {
          stableBuild = build;
          extras.push(...build.extraObjects);
        }
      }
      const build = stableBuild!;
      const ports = portsOf(options, origin);
      const spec = mergeOverride(build.serviceSpec, resolveDeep(options.service, environment)) as Partial<ServiceSpec>;
      const trackService = (name: string, track?: string): ObjectDraft => {
        const selected = track ? { ...build, selector: { ...build.selector, [TRACK_LABEL]: track } } : build;
        return { ...serviceFor(selected, ports, { ...serviceMetadata(options, build), name }, origin, { spec }), fields: serviceFields(options, build) };
      };
      const objects = [...drafts, trackService(options.name)];
      if (nginx) {
        objects.push(trackService(`${options.name}-stable`, "stable"), trackService(`${options.name}-canary`, "canary"));
        const port = ports[0]!.name;
        objects.push(ingressFor(options.name, `${options.name}-stable`, port, nginx, context.environment, undefined, origin));
        // ingress-nginx ignores a canary Ingress at weight 0; leaving it out keeps the bundle honest.
        if (weight > 0) objects.push(ingressFor(`${options.name}-canary`, `${options.name}-canary`, port, nginx, context.environment, weight, origin));
      }
      return [...objects, ...extras];
    },
  });
}

function ingressFor(name: string, service: string, port: string, nginx: CanaryIngressOptions, environment: Parameters<typeof resolve>[1], weight: number | undefined, origin: SourceLocation | undefined): ObjectDraft {
  const host = resolve(nginx.host, environment);
  const object: NetworkingV1Ingress = {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: compact({
      name,
      annotations: weight === undefined ? undefined : { "nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": String(weight) },
    }),
    spec: compact({
      ingressClassName: nginx.className === undefined ? undefined : resolve(nginx.className, environment),
      tls: nginx.tlsSecretName ? [{ hosts: [host], secretName: nginx.tlsSecretName }] : undefined,
      rules: [{ host, http: { paths: [{ path: nginx.path ?? "/", pathType: "Prefix", backend: { service: { name: service, port: { name: port } } } }] } }],
    }),
  };
  const fields: FieldMapping[] = [
    [["metadata", "annotations"], ["weight"]],
    [["spec", "ingressClassName"], ["nginx", "className"]],
    [["spec", "tls"], ["nginx", "tlsSecretName"]],
    [["spec", "tls", 0, "hosts"], ["nginx", "host"]],
    [["spec", "rules"], ["nginx", "host"]],
  ];
  return { object, origin, fields };
}

import type { NetworkingV1HTTPIngressPath as HTTPIngressPath, NetworkingV1IngressTLS as IngressTLS, NetworkingV1Ingress } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type FieldMapping } from "../core/component.js";
import { resolve, type PerEnvironment } from "../core/per-environment.js";
import { fail } from "../core/errors.js";
import { compact } from "../core/merge.js";
import { atProperty, captureOrigin, type SourceLocation } from "../core/origin.js";
import { checkCall } from "../core/report.js";
import { isPerEnv } from "../core/per-environment.js";
import { CLASS_ANNOTATION_PREFIXES } from "./ingress-annotations.js";

/** One route: requests for `host` + `path` go to a Service port. */
export interface IngressRoute {
  /** Host name, e.g. `shop.example.com`; per environment with perEnv(). */
  readonly host: PerEnvironment<string>;
  /** @default "/" */
  readonly path?: string;
  /** @default "Prefix" */
  readonly pathType?: "Prefix" | "Exact" | "ImplementationSpecific";
  /** Name of the Service (e.g. the name of a `service()`). */
  readonly service: string;
  /** Port name or number on that Service. */
  readonly port: string | number;
}

export interface IngressOptions {
  readonly name: string;
  /**
   * `nginx`, `traefik`, ... @default the cluster's default IngressClass. With `nginx` or
   * `traefik`, annotations of the other controller are an error (they would be ignored).
   */
  readonly className?: PerEnvironment<string>;
  readonly routes: readonly IngressRoute[];
  /** Serve these hosts over TLS with the certificate in `secretName`. */
  readonly tls?: readonly { readonly hosts: readonly PerEnvironment<string>[]; readonly secretName: string }[];
  /** E.g. `nginxAnnotations({ proxyBodySize: "8m" })` or `traefikAnnotations({ middlewares: [...] })`. */
  readonly annotations?: PerEnvironment<Readonly<Record<string, string>>>;
}

/** Two routes for the same host, path and pathType: the controller would pick one at random. */
function checkDuplicateRoutes(name: string, routes: readonly { host: string; path: string; pathType: string; index: number }[], origin: SourceLocation | undefined, environmentName?: string): void {
  const seen = new Map<string, number>();
  for (const route of routes) {
    const key = `${route.host}\0${route.path}\0${route.pathType}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(
        "TKC2410",
        `ingress '${name}' routes ${route.host}${route.path} (${route.pathType}) twice: routes[${first}] and routes[${route.index}]${environmentName ? ` in environment '${environmentName}'` : ""}`,
        atProperty(origin, ["routes", route.index]),
        "keep one route per host and path; use a longer path to send part of the traffic elsewhere",
        [{ message: `routes[${first}] routes it first`, at: atProperty(origin, ["routes", first]) }],
      );
    }
    seen.set(key, route.index);
  }
}

/** Annotations of one controller on an Ingress of another class have no effect. */
function checkClassAnnotations(name: string, className: string | undefined, annotations: Readonly<Record<string, string>> | undefined, origin: SourceLocation | undefined): void {
  if (className === undefined || annotations === undefined || !(className in CLASS_ANNOTATION_PREFIXES)) return;
  for (const [other, prefix] of Object.entries(CLASS_ANNOTATION_PREFIXES)) {
    if (other === className) continue;
    const foreign = Object.keys(annotations).find((key) => key.startsWith(prefix));
    if (foreign) fail("TKC2411", `ingress '${name}' has class '${className}' but annotation '${foreign}' is for ${other}, so the controller ignores it`, atProperty(origin, ["annotations", foreign]), `use ${className}'s annotations (e.g. ${className}Annotations({...})), or set className: "${other}"`);
  }
}

function routeKeys(routes: readonly IngressRoute[], host: (route: IngressRoute) => string) {
  return routes.map((route, index) => ({ host: host(route), path: route.path ?? "/", pathType: route.pathType ?? "Prefix", index }));
}

/** HTTP(S) routing from outside the cluster to Services, by host and path: an Ingress. */
export function ingress(options: IngressOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(origin, options, () => {
    if (options.routes.length === 0) fail("TKC2106", `ingress '${options.name}' has no routes`, origin, "add routes: [{ host, service, port }]");
    if (options.routes.every((route) => typeof route.host === "string")) checkDuplicateRoutes(options.name, routeKeys(options.routes, (r) => r.host as string), origin);
  }, () => {
    if ((options.className === undefined || typeof options.className === "string") && (options.annotations === undefined || !isPerEnv(options.annotations))) {
      checkClassAnnotations(options.name, options.className as string | undefined, options.annotations as Record<string, string> | undefined, origin);
    }
  });
  if (!usable) return rejectedComponent("ingress", options?.name, origin);
  return defineComponent({
    type: "ingress",
    name: options.name,
    origin,
    expand(context) {
      const environment = context.environment;
      checkDuplicateRoutes(options.name, routeKeys(options.routes, (r) => resolve(r.host, environment)), origin, environment.name);
      // Routes are grouped into one rule per host: each path records the route that set it.
      const byHost = new Map<string, HTTPIngressPath[]>();
      const routeFields: FieldMapping[] = [];
      options.routes.forEach((route, index) => {
        const host = resolve(route.host, environment);
        const port = typeof route.port === "number" ? { number: route.port } : { name: route.port };
        if (!byHost.has(host)) {
          byHost.set(host, []);
          routeFields.push([["spec", "rules", byHost.size - 1], ["routes", index]], [["spec", "rules", byHost.size - 1, "host"], ["routes", index, "host"]]);
        }
        const paths = byHost.get(host)!;
        const at = ["spec", "rules", [...byHost.keys()].indexOf(host), "http", "paths", paths.length];
        paths.push({ path: route.path ?? "/", pathType: route.pathType ?? "Prefix", backend: { service: { name: route.service, port } } });
        routeFields.push(
          [at, ["routes", index]],
          [[...at, "path"], ["routes", index, "path"]],
          [[...at, "pathType"], ["routes", index, "pathType"]],
          [[...at, "backend", "service", "name"], ["routes", index, "service"]],
          [[...at, "backend", "service", "port"], ["routes", index, "port"]],
        );
      });
      const tls: IngressTLS[] = (options.tls ?? []).map((t) => ({ hosts: t.hosts.map((h) => resolve(h, environment)), secretName: t.secretName }));
      const annotations = options.annotations ? resolve(options.annotations, environment) : undefined;
      checkClassAnnotations(options.name, options.className === undefined ? undefined : resolve(options.className, environment), annotations, origin);
      const object: NetworkingV1Ingress = {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: compact({ name: options.name, annotations: annotations && Object.keys(annotations).length > 0 ? { ...annotations } : undefined }),
        spec: compact({
          ingressClassName: options.className === undefined ? undefined : resolve(options.className, environment),
          tls: tls.length > 0 ? tls : undefined,
          rules: [...byHost].map(([host, paths]) => ({ host, http: { paths } })),
        }),
      };
      const fields: FieldMapping[] = [
        [["metadata", "name"], ["name"]],
        [["metadata", "annotations"], ["annotations"]],
        [["spec", "ingressClassName"], ["className"]],
        [["spec", "tls"], ["tls"]],
        [["spec", "rules"], ["routes"]],
        ...routeFields,
      ];
      return [{ object, origin, fields }];
    },
  });
}

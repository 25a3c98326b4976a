import type { NetworkingV1HTTPIngressPath as HTTPIngressPath, NetworkingV1IngressTLS as IngressTLS, NetworkingV1Ingress } from "tkc/k8s";
import { defineComponent, type Component, type FieldMapping } from "../core/component.js";
import { resolve, type Env } from "../core/env.js";
import { fail } from "../core/errors.js";
import { compact } from "../core/merge.js";
import { captureOrigin } from "../core/origin.js";

/** One route: requests for `host` + `path` go to a Service port. */
export interface IngressRoute {
  /** Host name, e.g. `shop.example.com`; per environment with perEnv(). */
  readonly host: Env<string>;
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
  /** `nginx`, `traefik`, ... @default the cluster's default IngressClass */
  readonly className?: Env<string>;
  readonly routes: readonly IngressRoute[];
  /** Serve these hosts over TLS with the certificate in `secretName`. */
  readonly tls?: readonly { readonly hosts: readonly Env<string>[]; readonly secretName: string }[];
  readonly annotations?: Env<Readonly<Record<string, string>>>;
}

/** HTTP(S) routing from outside the cluster to Services, by host and path: an Ingress. */
export function ingress(options: IngressOptions): Component {
  const origin = captureOrigin();
  if (options.routes.length === 0) fail("TKC2106", `ingress '${options.name}' has no routes`, origin, "add routes: [{ host, service, port }]");
  return defineComponent({
    type: "ingress",
    name: options.name,
    origin,
    expand(context) {
      const env = context.env;
      const byHost = new Map<string, HTTPIngressPath[]>();
      for (const route of options.routes) {
        const host = resolve(route.host, env);
        const port = typeof route.port === "number" ? { number: route.port } : { name: route.port };
        const paths = byHost.get(host) ?? [];
        paths.push({ path: route.path ?? "/", pathType: route.pathType ?? "Prefix", backend: { service: { name: route.service, port } } });
        byHost.set(host, paths);
      }
      const tls: IngressTLS[] = (options.tls ?? []).map((t) => ({ hosts: t.hosts.map((h) => resolve(h, env)), secretName: t.secretName }));
      const annotations = options.annotations ? resolve(options.annotations, env) : undefined;
      const object: NetworkingV1Ingress = {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: compact({ name: options.name, annotations: annotations && Object.keys(annotations).length > 0 ? { ...annotations } : undefined }),
        spec: compact({
          ingressClassName: options.className === undefined ? undefined : resolve(options.className, env),
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
      ];
      return [{ object, origin, fields }];
    },
  });
}

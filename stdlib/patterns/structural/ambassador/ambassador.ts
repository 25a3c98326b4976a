import type { ConfigMap, Container, ResourceRequirements } from "tkc/k8s";
import { resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { hashedName } from "../../support/content-hash.js";
import { addAppEnvVars, addHelperContainer, addVolume, allContainers, checkContainerName, helperSecurityContext, PINNED_IMAGES } from "../../support/containers.js";
import { checkNativeForJobs } from "../sidecar/sidecar.js";
import { DNS1123_SUBDOMAIN_SOURCE, isDns1123Label } from "../../../../syntax/index.js";

const HOST_PORT = new RegExp(`^(?<host>${DNS1123_SUBDOMAIN_SOURCE}):(?<port>\\d{1,5})$`);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** UID of distroless' `nonroot` user, which the envoy distroless image runs as. */
const DISTROLESS_NONROOT = 65532;

export interface AmbassadorOptions {
  /** The remote service, `host:port`, e.g. `db.example.com:5432`; per environment with perEnv(). */
  readonly target: PerEnvironment<string>;
  /** Port the ambassador listens on inside the pod; the app connects to `localhost:<listen>`. */
  readonly listen: number;
  /** Container name (unique per ambassador). @default "ambassador" */
  readonly name?: string;
  /** Set this env var of the app to `localhost:<listen>`. @default none */
  readonly envVar?: string;
  /** Envoy image. @default "envoyproxy/envoy:distroless-v1.33.2" */
  readonly image?: string;
  /** @default 5 */
  readonly connectTimeoutSeconds?: number;
  /** @default requests cpu 10m, memory 32Mi; limit memory 128Mi */
  readonly resources?: PerEnvironment<ResourceRequirements>;
  /** Native sidecar (init container with restartPolicy Always): up before the app starts. @default true */
  readonly native?: boolean;
}

function parseTarget(target: string, origin: SourceLocation | undefined): { host: string; port: number } {
  const match = HOST_PORT.exec(target);
  const port = Number(match?.groups?.port);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail("TKC2461", `ambassador(): target '${target}' is not host:port`, origin, "e.g. target: \"db.example.com:5432\"");
  }
  return { host: match.groups!.host!, port };
}

/** Envoy's static configuration: one TCP proxy from 127.0.0.1:listen to the target. */
export function envoyConfig(host: string, port: number, listen: number, connectTimeoutSeconds: number): string {
  return [
    "static_resources:",
    "  listeners:",
    "    - name: ambassador",
    `      address: { socket_address: { address: 127.0.0.1, port_value: ${listen} } }`,
    "      filter_chains:",
    "        - filters:",
    "            - name: envoy.filters.network.tcp_proxy",
    "              typed_config:",
    '                "@type": type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
    "                stat_prefix: ambassador",
    "                cluster: target",
    "  clusters:",
    "    - name: target",
    `      type: ${IPV4.test(host) ? "STATIC" : "LOGICAL_DNS"}`,
    `      connect_timeout: ${connectTimeoutSeconds}s`,
    "      dns_lookup_family: V4_PREFERRED",
    "      load_assignment:",
    "        cluster_name: target",
    "        endpoints:",
    "          - lb_endpoints:",
    `              - endpoint: { address: { socket_address: { address: ${host}, port_value: ${port} } } }`,
    "",
  ].join("\n");
}

/**
 * The ambassador pattern: an envoy container proxies `localhost:<listen>` to a remote service,
 * so the app's configuration is always "localhost" and the ambassador owns where the service
 * really is (per environment), timeouts and retries.
 */
export const ambassador = definePattern<AmbassadorOptions>({
  name: "ambassador",
  check(options, origin) {
    if (options.target === undefined || options.target === "") {
      report.error("TKC2460", "ambassador() needs a target: the remote host:port the app reaches through localhost", options.target === "" ? atProperty(origin, ["target"]) : origin, { hint: "e.g. ambassador({ target: \"db.example.com:5432\", listen: 15432 })" });
    } else if (typeof options.target === "string") parseTarget(options.target, atProperty(origin, ["target"]));
    if (!Number.isInteger(options.listen) || options.listen < 1 || options.listen > 65535) {
      report.error("TKC2461", `ambassador(): listen port ${options.listen} is not between 1 and 65535`, atProperty(origin, ["listen"]), { hint: "pick a free local port, e.g. 15432" });
    }
    if (options.name !== undefined && !isDns1123Label(options.name)) report.error("TKC2461", `ambassador(): name '${options.name}' is not a DNS-1123 label`, atProperty(origin, ["name"]), { hint: "e.g. name: \"db-ambassador\"" });
  },
  apply(options, build, context, origin) {
    const environment = context.environment;
    const name = options.name ?? "ambassador";
    const native = options.native ?? true;
    checkContainerName(build, name, "TKC2452", atProperty(origin, ["name"]));
    checkNativeForJobs(build, native, "TKC2453", origin, `ambassador '${name}'`);
    for (const c of allContainers(build)) {
      const clash = (c.ports ?? []).find((p) => p.containerPort === options.listen);
      if (clash) fail("TKC2462", `ambassador listen port ${options.listen} is already used by container '${c.name}' of workload '${build.name}'`, atProperty(origin, ["listen"]), "containers of a pod share one network namespace: pick another listen port");
    }
    const { host, port } = parseTarget(resolve(options.target, environment), atProperty(origin, ["target"]));
    const data = { "envoy.yaml": envoyConfig(host, port, options.listen, options.connectTimeoutSeconds ?? 5) };
    const configName = hashedName(`${build.name}-${name}`, "ConfigMap", data);
    const configMap: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: configName, labels: { ...build.selector } }, immutable: true, data };
    build.extraObjects.push({ object: configMap, origin, fields: [[["data"], ["target"]]] });
    addVolume(build, { name: `${name}-config`, configMap: { name: configName } });
    const container: Container = {
      name,
      image: options.image ?? PINNED_IMAGES.envoy,
      command: ["envoy", "-c", "/etc/envoy/envoy.yaml", "--disable-hot-restart", "--log-level", "warn"],
      resources: options.resources ? resolveDeep(resolve(options.resources, environment), environment) : { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
      securityContext: helperSecurityContext(DISTROLESS_NONROOT),
      volumeMounts: [{ name: `${name}-config`, mountPath: "/etc/envoy", readOnly: true }],
    };
    addHelperContainer(build, container, native, { origin, fields: [[["image"], ["image"]]] });
    if (options.envVar) addAppEnvVars(build, [{ name: options.envVar, value: `localhost:${options.listen}` }], "TKC2462", origin, `ambassador '${name}'`);
  },
});

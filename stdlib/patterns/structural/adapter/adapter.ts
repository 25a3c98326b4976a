import type { Container, ResourceRequirements } from "tkc/k8s";
import { resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { toEnvVars, type EnvVarValue } from "../../../core/env-vars.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";
import { addHelperContainer, allContainers, checkContainerName, helperSecurityContext } from "../../support/containers.js";
import { checkNativeForJobs } from "../sidecar/sidecar.js";
import { portNameProblem } from "../../../../syntax/index.js";


export interface ExporterOptions {
  /** The exporter image, e.g. `quay.io/prometheuscommunity/postgres-exporter:v0.17.1`. */
  readonly image: PerEnvironment<string>;
  /** Port the exporter serves metrics on. */
  readonly port: number;
  /** Container name. @default "exporter" */
  readonly name?: string;
  /** Container port name. @default "metrics" */
  readonly portName?: string;
  /** HTTP path of the metrics. @default "/metrics" */
  readonly path?: string;
  readonly args?: PerEnvironment<readonly string[]>;
  /** Env vars of the exporter, e.g. its connection string from a Secret. */
  readonly env?: Readonly<Record<string, PerEnvironment<EnvVarValue>>>;
  /** @default requests cpu 10m, memory 32Mi; limit memory 64Mi */
  readonly resources?: PerEnvironment<ResourceRequirements>;
  /** Add the `prometheus.io/scrape`, `/port` and `/path` pod annotations. @default true */
  readonly scrapeAnnotations?: boolean;
  /** Native sidecar (init container with restartPolicy Always). @default true */
  readonly native?: boolean;
  /** UID the exporter runs as. @default 65534 (nobody) */
  readonly runAsUser?: number;
}

/** Refuse a port number or name another container of the pod already declares. */
function checkPortFree(build: WorkloadBuild, port: number, portName: string, origin: SourceLocation | undefined): void {
  for (const c of allContainers(build)) {
    for (const p of c.ports ?? []) {
      if (p.containerPort === port) fail("TKC2457", `exporter port ${port} is already used by container '${c.name}' of workload '${build.name}'`, atProperty(origin, ["port"]), "containers of a pod share one network namespace: pick another port");
      if (p.name === portName) fail("TKC2457", `port name '${portName}' is already used by container '${c.name}' of workload '${build.name}'`, atProperty(origin, ["portName"]), "set portName to another name, e.g. \"exporter\"");
    }
  }
}

/**
 * The adapter pattern: an exporter container beside the app translates its internal metrics
 * into Prometheus' format, on a port named `metrics`, with the scrape annotations on the pod.
 */
export const exporter = definePattern<ExporterOptions>({
  name: "exporter",
  check(options, origin) {
    if (options.image === undefined || options.image === "") report.error("TKC2458", "exporter() needs an image", atProperty(origin, ["image"]), { hint: "e.g. image: \"quay.io/prometheuscommunity/postgres-exporter:v0.17.1\"" });
    if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) report.error("TKC2458", `exporter(): port ${options.port} is not between 1 and 65535`, atProperty(origin, ["port"]), { hint: "use the exporter's listen port, e.g. 9187" });
    const portName = options.portName ?? "metrics";
    if (portNameProblem(portName) !== undefined) report.error("TKC2458", `exporter(): port name '${portName}' is not an IANA service name`, atProperty(origin, ["portName"]), { hint: "at most 15 lowercase letters, digits and '-', with at least one letter" });
    if (options.path !== undefined && !options.path.startsWith("/")) report.error("TKC2458", `exporter(): path '${options.path}' must start with '/'`, atProperty(origin, ["path"]), { hint: `write it as "/${options.path}"` });
  },
  apply(options, build, context, origin) {
    const environment = context.environment;
    const name = options.name ?? "exporter";
    const portName = options.portName ?? "metrics";
    const native = options.native ?? true;
    checkContainerName(build, name, "TKC2452", atProperty(origin, ["name"]));
    checkNativeForJobs(build, native, "TKC2453", origin, `exporter '${name}'`);
    checkPortFree(build, options.port, portName, origin);
    const envVars = Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, resolve(v, environment)]));
    const container: Container = compact({
      name,
      image: resolve(options.image, environment),
      args: options.args ? [...resolve(options.args, environment)] : undefined,
      ports: [{ name: portName, containerPort: options.port, protocol: "TCP" }],
      env: Object.keys(envVars).length > 0 ? toEnvVars(envVars) : undefined,
      resources: options.resources ? resolveDeep(resolve(options.resources, environment), environment) : { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "64Mi" } },
      securityContext: helperSecurityContext(options.runAsUser),
    }) as Container;
    addHelperContainer(build, container, native, { origin, fields: [[["image"], ["image"]]] });
    if (options.scrapeAnnotations ?? true) {
      if (build.podAnnotations["prometheus.io/port"] !== undefined) {
        fail("TKC2457", `workload '${build.name}' already has prometheus.io scrape annotations (port ${build.podAnnotations["prometheus.io/port"]})`, origin, "Prometheus' annotation discovery scrapes one port per pod: set scrapeAnnotations: false on all but one exporter");
      }
      build.podAnnotations["prometheus.io/scrape"] = "true";
      build.podAnnotations["prometheus.io/port"] = String(options.port);
      build.podAnnotations["prometheus.io/path"] = options.path ?? "/metrics";
    }
  },
});

import type { ConfigMap, Container, ResourceRequirements } from "tkc/k8s";
import { resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { atProperty } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { hashedName } from "../../support/content-hash.js";
import { addHelperContainer, addVolume, checkContainerName, helperSecurityContext, mountInApp, PINNED_IMAGES } from "../../support/containers.js";
import { checkNativeForJobs } from "../sidecar/sidecar.js";

/** Where fluent-bit sends the records. */
export type LogOutput =
  | { readonly type: "stdout" }
  | { readonly type: "forward"; readonly host: string; /** @default 24224 */ readonly port?: number }
  | { readonly type: "loki"; readonly host: string; /** @default 3100 */ readonly port?: number; readonly labels?: Readonly<Record<string, string>> }
  | { readonly type: "elasticsearch"; readonly host: string; /** @default 9200 */ readonly port?: number; /** @default the workload name */ readonly index?: string };

export interface LogShipperOptions {
  /** Directory the app writes its log files to; an emptyDir shared with fluent-bit. @default "/var/log/app" */
  readonly logPath?: string;
  /** Which files in it to ship (fluent-bit tail glob). @default "*.log" */
  readonly files?: string;
  /** Parse each line as JSON. @default false (ship lines as `log` text) */
  readonly json?: boolean;
  readonly output: PerEnvironment<LogOutput>;
  /** Size limit of the log emptyDir: the pod is evicted beyond it, so rotate logs. @default "1Gi" */
  readonly sizeLimit?: string;
  /** @default "fluent/fluent-bit:3.2.10" */
  readonly image?: string;
  /** @default requests cpu 20m, memory 32Mi; limit memory 64Mi */
  readonly resources?: PerEnvironment<ResourceRequirements>;
  /** Native sidecar (init container with restartPolicy Always). @default true */
  readonly native?: boolean;
}

const CONFIG_DIR = "/fluent-bit/config";
const SHIPPER = "log-shipper";

function section(name: string, entries: readonly (readonly [string, string | number | undefined])[]): string {
  const lines = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `    ${k.padEnd(16)} ${v}`);
  return [`[${name}]`, ...lines].join("\n");
}

function outputSection(output: LogOutput, workload: string): string {
  switch (output.type) {
    case "stdout":
      return section("OUTPUT", [["Name", "stdout"], ["Match", "*"], ["Format", "json_lines"]]);
    case "forward":
      return section("OUTPUT", [["Name", "forward"], ["Match", "*"], ["Host", output.host], ["Port", output.port ?? 24224]]);
    case "loki": {
      const labels = Object.entries({ app: workload, ...(output.labels ?? {}) }).map(([k, v]) => `${k}=${v}`).join(", ");
      return section("OUTPUT", [["Name", "loki"], ["Match", "*"], ["Host", output.host], ["Port", output.port ?? 3100], ["Labels", labels]]);
    }
    case "elasticsearch":
      return section("OUTPUT", [["Name", "es"], ["Match", "*"], ["Host", output.host], ["Port", output.port ?? 9200], ["Index", output.index ?? workload], ["Suppress_Type_Name", "On"]]);
  }
}

/** fluent-bit's configuration for one workload: tail the shared directory, ship to `output`. */
export function fluentBitConfig(options: LogShipperOptions, output: LogOutput, workload: string): Record<string, string> {
  const logPath = (options.logPath ?? "/var/log/app").replace(/\/+$/, "");
  const service = section("SERVICE", [["Flush", 1], ["Log_Level", "info"], ["Parsers_File", `${CONFIG_DIR}/parsers.conf`], ["HTTP_Server", "Off"]]);
  const input = section("INPUT", [
    ["Name", "tail"],
    ["Path", `${logPath}/${options.files ?? "*.log"}`],
    ["Tag", `${workload}.*`],
    ["Parser", options.json ? "json" : undefined],
    ["Refresh_Interval", 5],
    ["Mem_Buf_Limit", "5MB"],
    ["Skip_Long_Lines", "On"],
  ]);
  const parsers = section("PARSER", [["Name", "json"], ["Format", "json"]]);
  return {
    "fluent-bit.conf": `${service}\n\n${input}\n\n${outputSection(output, workload)}\n`,
    "parsers.conf": `${parsers}\n`,
  };
}

/**
 * Ship the app's log files with a fluent-bit sidecar: the app writes to an emptyDir at
 * `logPath`, fluent-bit tails it (read-only) with its configuration in a content-hashed,
 * immutable ConfigMap (a config change rolls the pods, since fluent-bit does not reload).
 */
export const logShipper = definePattern<LogShipperOptions>({
  name: "log-shipper",
  check(options, origin) {
    const logPath = options.logPath ?? "/var/log/app";
    if (!logPath.startsWith("/") || logPath === "/") fail("TKC2456", `logShipper(): logPath '${logPath}' must be an absolute directory other than /`, atProperty(origin, ["logPath"]), "e.g. logPath: \"/var/log/app\"");
    if (options.output === undefined) fail("TKC2456", "logShipper() needs an output", origin, "e.g. output: { type: \"forward\", host: \"fluentd.logging\" }");
    if (options.files !== undefined && options.files.includes("/")) fail("TKC2456", `logShipper(): files '${options.files}' is a glob inside logPath, not a path`, atProperty(origin, ["files"]), "e.g. files: \"*.log\"");
  },
  apply(options, build, context, origin) {
    const environment = context.environment;
    const native = options.native ?? true;
    checkContainerName(build, SHIPPER, "TKC2452", origin);
    checkNativeForJobs(build, native, "TKC2453", origin, "logShipper()");
    const output = resolve(options.output, environment);
    const data = fluentBitConfig(options, output, build.name);
    const configName = hashedName(`${build.name}-log-shipper`, "ConfigMap", data);
    const configMap: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: configName, labels: { ...build.selector } }, immutable: true, data };
    build.extraObjects.push({ object: configMap, origin, fields: [[["data"], ["output"]]] });

    addVolume(build, { name: "app-logs", emptyDir: { sizeLimit: options.sizeLimit ?? "1Gi" } });
    addVolume(build, { name: "log-shipper-config", configMap: { name: configName } });
    mountInApp(build, { name: "app-logs", mountPath: options.logPath ?? "/var/log/app" }, { origin, option: ["logPath"] });
    const container: Container = {
      name: SHIPPER,
      image: options.image ?? PINNED_IMAGES.fluentBit,
      command: ["/fluent-bit/bin/fluent-bit", "-c", `${CONFIG_DIR}/fluent-bit.conf`],
      resources: options.resources ? resolveDeep(resolve(options.resources, environment), environment) : { requests: { cpu: "20m", memory: "32Mi" }, limits: { memory: "64Mi" } },
      securityContext: helperSecurityContext(),
      volumeMounts: [
        { name: "app-logs", mountPath: options.logPath ?? "/var/log/app", readOnly: true },
        { name: "log-shipper-config", mountPath: CONFIG_DIR, readOnly: true },
      ],
    };
    addHelperContainer(build, container, native, { origin, fields: [[["image"], ["image"]]] });
  },
});

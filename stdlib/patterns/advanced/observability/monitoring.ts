import type { PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import type { WorkloadBuild } from "../../../core/pattern.js";
import type { PortOption } from "../../../workloads/options.js";

/** Options shared by serviceMonitor() and podMonitor(). */
export interface MonitorOptions {
  /** The workload's port that serves metrics, by name. */
  readonly port: string;
  /** HTTP path of the metrics. @default "/metrics" */
  readonly path?: string;
  /** Scrape interval, a Prometheus duration such as "30s". @default Prometheus' global interval */
  readonly interval?: PerEnvironment<string>;
  /** Scrape timeout, at most the interval. @default Prometheus' global timeout */
  readonly scrapeTimeout?: PerEnvironment<string>;
  /** @default "http" */
  readonly scheme?: "http" | "https";
  /** Labels on the monitor object, for the Prometheus' selector, e.g. `{ release: "kube-prometheus-stack" }`. @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

const DURATION = /^(0|(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?)$/;

/** `field`: the option that holds the duration (the mistake is reported there). */
export function checkDuration(pattern: string, field: string, value: string | undefined, origin: SourceLocation | undefined): void {
  if (value !== undefined && (value === "" || !DURATION.test(value))) {
    fail("TKC2642", `${pattern} ${field} '${value}' is not a Prometheus duration`, atProperty(origin, [field]), "write units from largest to smallest without spaces, e.g. \"30s\", \"1m30s\", \"5m\"");
  }
}

/** The path and each duration on their own: every mistake among them is reported (the pattern's check then fails). */
export function checkMonitorOptions(pattern: string, options: MonitorOptions, origin: SourceLocation | undefined, plainValue: <T>(v: PerEnvironment<T> | undefined) => T | undefined): void {
  checkCall(
    origin,
    undefined,
    () => {
      if (options.path !== undefined && !options.path.startsWith("/")) fail("TKC2641", `${pattern} path '${options.path}' does not start with '/'`, atProperty(origin, ["path"]), "e.g. path: \"/metrics\"");
    },
    () => checkDuration(pattern, "interval", plainValue(options.interval), origin),
    () => checkDuration(pattern, "scrapeTimeout", plainValue(options.scrapeTimeout), origin),
  );
}

export function metricsPort(pattern: string, build: WorkloadBuild, port: string, origin: SourceLocation | undefined): PortOption {
  const declared = build.ports.find((p) => p.name === port);
  if (!declared) {
    const known = build.ports.map((p) => `'${p.name}'`).join(", ") || "none";
    fail("TKC2640", `${pattern} scrapes port '${port}', which workload '${build.name}' does not declare (its ports: ${known})`, atProperty(origin, ["port"]), "add the metrics port to the workload's ports, e.g. { name: \"metrics\", containerPort: 9090 }");
  }
  return declared;
}

/** Record the Prometheus `job` label of the workload's targets (its monitor pattern's). */
export function recordJob(build: WorkloadBuild, job: string): void {
  build.monitoringJob = job;
}

export function jobOf(build: WorkloadBuild): string | undefined {
  return build.monitoringJob;
}

import type { Probe } from "tkc/k8s";
import { isPerEnv, resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { checkCall, failedValue, report } from "../../../core/report.js";
import { shownJson } from "../../../core/shown.js";
import { compact } from "../../../core/merge.js";
import { atArgument, atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";
import { checkWhole } from "../../../workloads/checks.js";

const HEALTH_CHECK = Symbol.for("tkc.healthCheck");

/** Timing of one probe; unset values take the role's default (see `healthProbes`). */
export interface ProbeTiming {
  /** Seconds between checks. */
  readonly periodSeconds?: number;
  /** Seconds before a check counts as failed. @default 1 */
  readonly timeoutSeconds?: number;
  /** Consecutive failures before the probe fails. */
  readonly failureThreshold?: number;
  /** Consecutive successes before a failed readiness probe passes again (must be 1 for the others). @default 1 */
  readonly successThreshold?: number;
  /** Seconds before the first check. Prefer a startup probe for slow starts. @default 0 */
  readonly initialDelaySeconds?: number;
}

type Handler =
  | { readonly kind: "http"; readonly path: string; readonly port: string | number; readonly scheme?: "HTTP" | "HTTPS"; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: "tcp"; readonly port: string | number }
  | { readonly kind: "grpc"; readonly port: string | number; readonly service?: string }
  | { readonly kind: "exec"; readonly command: readonly string[] };

/** Which argument of its builder holds the port and the timing options (`httpProbe(path, port, options)`). */
interface ProbeArguments {
  readonly port?: number;
  readonly options: number;
}

/** A health check made by `httpProbe`, `tcpProbe`, `grpcProbe` or `execProbe`, for `healthProbes`. */
export interface HealthCheck {
  readonly [HEALTH_CHECK]: { readonly handler: Handler; readonly timing: ProbeTiming; readonly origin: SourceLocation | undefined; readonly arguments: ProbeArguments };
}

/** Each timing field on its own, so that every bad one is reported, at the option that sets it. */
function timingChecks(timing: ProbeTiming, origin: SourceLocation | undefined, options: number): (() => void)[] {
  const checks = (["periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold"] as const).map((key) => () => {
    if (timing[key] !== undefined) checkWhole("TKC2202", key, timing[key], 1, atArgument(origin, options, [key]));
  });
  return [...checks, () => {
    if (timing.initialDelaySeconds !== undefined) checkWhole("TKC2202", "initialDelaySeconds", timing.initialDelaySeconds, 0, atArgument(origin, options, ["initialDelaySeconds"]));
  }];
}

function checkPort(port: unknown, at: SourceLocation | undefined): void {
  if (typeof port === "number") checkWhole("TKC2204", "the probe port", port, 1, at, 65535);
  else if (typeof port !== "string" || port === "") fail("TKC2204", "a probe needs a port name or number", at, "name a port of the workload, e.g. \"http\"");
}

/**
 * A health check, its mistakes reported each at the argument of the probe's call that holds it:
 * one with a mistake is a failed value, which sets the healthProbes() and the workload that hold
 * it aside (no probe is made of it).
 */
function healthCheck(handler: Handler, timing: ProbeTiming, origin: SourceLocation | undefined, args: ProbeArguments, handlerCheck?: () => void): HealthCheck {
  // execProbe has no port argument.
  const portCheck = args.port !== undefined && handler.kind !== "exec" ? [() => checkPort(handler.port, atArgument(origin, args.port!))] : [];
  const usable = checkCall(origin, undefined, ...(handlerCheck ? [handlerCheck] : []), ...portCheck, ...timingChecks(timing, origin, args.options));
  const check: HealthCheck = { [HEALTH_CHECK]: { handler, timing, origin, arguments: args } };
  return usable ? check : failedValue(check);
}

/** The options object, or none for anything else a descriptor passed (TypeScript stops most). */
const optionsOf = <T extends object>(options: T): T => (typeof options === "object" && options !== null ? options : ({} as T));

/** Healthy when `GET path` on the port answers 200-399. */
export function httpProbe(
  path: string,
  port: string | number,
  options: ProbeTiming & { readonly scheme?: "HTTP" | "HTTPS"; readonly headers?: Readonly<Record<string, string>> } = {},
): HealthCheck {
  const origin = captureOrigin();
  const { scheme, headers, ...timing } = optionsOf(options);
  return healthCheck({ kind: "http", path, port, scheme, headers }, timing, origin, { port: 1, options: 2 }, () => {
    if (typeof path !== "string" || !path.startsWith("/")) fail("TKC2205", `httpProbe path ${shownJson(path)} does not start with '/'`, atArgument(origin, 0), "write an absolute path such as \"/healthz\"");
  });
}

/** Healthy when a TCP connection to the port opens. */
export function tcpProbe(port: string | number, options: ProbeTiming = {}): HealthCheck {
  return healthCheck({ kind: "tcp", port }, optionsOf(options), captureOrigin(), { port: 0, options: 1 });
}

/** Healthy when the gRPC Health Checking Protocol answers SERVING. A port name is resolved to its number. */
export function grpcProbe(port: string | number, options: ProbeTiming & { readonly service?: string } = {}): HealthCheck {
  const { service, ...timing } = optionsOf(options);
  return healthCheck({ kind: "grpc", port, service }, timing, captureOrigin(), { port: 0, options: 1 });
}

/** Healthy when the command exits 0 (it runs inside the container: keep it cheap). */
export function execProbe(command: readonly string[], options: ProbeTiming = {}): HealthCheck {
  const origin = captureOrigin();
  const usable = Array.isArray(command) && command.length > 0;
  return healthCheck({ kind: "exec", command: usable ? command : [] }, optionsOf(options), origin, { options: 1 }, () => {
    if (!usable) fail("TKC2206", "execProbe needs a command", atArgument(origin, 0), "pass the command as a list, e.g. [\"pg_isready\", \"-q\"]");
  });
}

export interface HealthProbesOptions {
  /** Takes the pod out of Service endpoints while failing. Defaults: periodSeconds 5, timeoutSeconds 1, failureThreshold 3. */
  readonly readiness?: PerEnvironment<HealthCheck>;
  /** Restarts the container while failing. Defaults: periodSeconds 10, timeoutSeconds 1, failureThreshold 3. */
  readonly liveness?: PerEnvironment<HealthCheck>;
  /** Holds liveness and readiness off until it passes. @default the liveness check, when liveness is set */
  readonly startup?: PerEnvironment<HealthCheck>;
  /** How long the app may take to start: the startup probe checks every 5 s, `ceil(startupSeconds / 5)` times. @default 60 */
  readonly startupSeconds?: PerEnvironment<number>;
}

type Role = "readiness" | "liveness" | "startup";
const DEFAULTS: Record<Role, ProbeTiming> = {
  readiness: { periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 },
  liveness: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
  startup: { periodSeconds: 5, timeoutSeconds: 1 },
};
const FIELD = { readiness: "readinessProbe", liveness: "livenessProbe", startup: "startupProbe" } as const;

/** The port a probe names, checked against the workload's ports; grpc needs the number. */
function probePort(port: string | number, build: WorkloadBuild, numeric: boolean, at: SourceLocation | undefined): string | number {
  if (typeof port === "number") return port;
  const declared = build.ports.find((p) => p.name === port);
  if (!declared) {
    const names = build.ports.map((p) => `'${p.name}'`).join(", ");
    report.error(
      "TKC2201",
      `the probe checks port '${port}', but ${build.type} '${build.name}' declares ${names ? `only ${names}` : "no ports"}`,
      at,
      { hint: names ? `use one of ${names}, or add the port to the workload's 'port'/'ports'` : "declare the port with port: { name, containerPort } on the workload" },
    );
    return port;
  }
  return numeric ? declared.containerPort : port;
}

function toProbe(check: HealthCheck, role: Role, build: WorkloadBuild, startupSeconds: number): Probe {
  const { handler, timing, origin, arguments: args } = check[HEALTH_CHECK];
  const portAt = args.port !== undefined ? atArgument(origin, args.port) : origin;
  const defaults = role === "startup" ? { ...DEFAULTS.startup, failureThreshold: Math.ceil(startupSeconds / 5) } : DEFAULTS[role];
  const merged = { ...defaults, ...timing };
  if (role !== "readiness" && merged.successThreshold !== undefined && merged.successThreshold !== 1) {
    report.error("TKC2207", `a ${role} probe must have successThreshold 1, got ${merged.successThreshold}`, atArgument(origin, args.options, ["successThreshold"]), { hint: "drop successThreshold: only readiness probes may require several successes" });
  }
  const action =
    handler.kind === "http"
      ? { httpGet: compact({ path: handler.path, port: probePort(handler.port, build, false, portAt), scheme: handler.scheme, httpHeaders: handler.headers ? Object.entries(handler.headers).map(([name, value]) => ({ name, value })) : undefined }) }
      : handler.kind === "tcp"
        ? { tcpSocket: { port: probePort(handler.port, build, false, portAt) } }
        : handler.kind === "grpc"
          ? { grpc: compact({ port: probePort(handler.port, build, true, portAt) as number, service: handler.service }) }
          : { exec: { command: [...handler.command] } };
  return compact({ ...action, ...merged }) as Probe;
}

function isHealthCheck(value: unknown): value is HealthCheck {
  return typeof value === "object" && value !== null && HEALTH_CHECK in value;
}

/**
 * Liveness, readiness and startup probes with sane defaults, checked against the workload's
 * ports. A liveness probe gets a startup probe with the same check, so slow starts need no
 * large initialDelaySeconds.
 */
export const healthProbes = definePattern<HealthProbesOptions>({
  name: "health-probes",
  check(options, origin) {
    for (const role of ["readiness", "liveness", "startup"] as const) {
      const value = options[role];
      if (value !== undefined && !isHealthCheck(value) && !isPerEnv(value)) {
        report.error("TKC2208", `healthProbes ${role} is not a health check`, atProperty(origin, [role]), { hint: "use httpProbe(), tcpProbe(), grpcProbe() or execProbe()" });
      }
    }
    if (typeof options.startupSeconds === "number") checkWhole("TKC2202", "startupSeconds", options.startupSeconds, 1, atProperty(origin, ["startupSeconds"]));
    if (!options.readiness && !options.liveness && !options.startup) report.error("TKC2209", "healthProbes() sets no probe", origin, { hint: "set readiness, liveness or startup" });
  },
  apply(options, build, context, origin) {
    const environment = context.environment;
    const startupSeconds = resolve(options.startupSeconds ?? 60, environment);
    checkWhole("TKC2202", "startupSeconds", startupSeconds, 1, atProperty(origin, ["startupSeconds"]));
    const checks: Partial<Record<Role, HealthCheck>> = {};
    for (const role of ["readiness", "liveness", "startup"] as const) {
      const value = options[role];
      if (value !== undefined) checks[role] = resolve(value, environment);
    }
    // The startup probe runs the liveness check on its own timing (the liveness timing is for a running app).
    if (checks.liveness && !checks.startup) checks.startup = { [HEALTH_CHECK]: { ...checks.liveness[HEALTH_CHECK], timing: {} } };
    const container = { ...build.container };
    for (const role of ["readiness", "liveness", "startup"] as const) {
      const check = checks[role];
      if (!check) continue;
      if (container[FIELD[role]]) {
        report.error("TKC2203", `${build.type} '${build.name}' already sets its ${role} probe, and healthProbes() sets it again`, atProperty(origin, [role]), { hint: `remove '${role}' from the workload's options or from healthProbes()` });
        continue;
      }
      container[FIELD[role]] = toProbe(check, role, build, startupSeconds);
      build.recordOrigin({ path: ["spec", "containers", 0, FIELD[role]] }, { origin: check[HEALTH_CHECK].origin });
    }
    build.container = container;
  },
});

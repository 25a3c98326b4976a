import type { Container, EnvVar, ResourceRequirements } from "tkc/k8s";
import { resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { toEnvVars, type EnvVarValue } from "../../../core/env-vars.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { definePattern, type Pattern } from "../../../core/pattern.js";
import { atArgument, atProperty, type SourceLocation } from "../../../core/origin.js";
import { checkContainerName, helperSecurityContext, PINNED_IMAGES, toLabel } from "../../support/containers.js";
import { isDns1123Subdomain } from "../../../../syntax/index.js";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const SMALL: ResourceRequirements = { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "32Mi" } };

export interface WaitForOptions {
  /** Host to wait for: a Service name, `svc.namespace`, a DNS name or an IPv4 address. */
  readonly host: PerEnvironment<string>;
  readonly port: PerEnvironment<number>;
  /** Give up (and fail the pod's start, so it is retried) after this many seconds. @default wait forever */
  readonly timeoutSeconds?: number;
  /** Image with `sh`, `nc -z` and `date`. @default "busybox:1.37.0" */
  readonly image?: string;
  /** Init container name. @default `wait-for-<host>` */
  readonly name?: string;
}

// waitFor(host, port, options): each mistake at the argument that holds it.
function checkHostPort(host: string, port: number, origin: SourceLocation | undefined): void {
  if (!isDns1123Subdomain(host) && !IPV4.test(host)) report.error("TKC2450", `waitFor(): '${host}' is not a host name or IPv4 address`, atArgument(origin, 0), { hint: "use a Service name such as \"postgres\", \"postgres.db\" or \"db.example.com\"" });
  if (!Number.isInteger(port) || port < 1 || port > 65535) report.error("TKC2450", `waitFor(): port ${port} is not between 1 and 65535`, atArgument(origin, 1), { hint: "use the port the dependency listens on, e.g. 5432" });
}

function waitScript(host: string, port: number, timeoutSeconds: number | undefined): string {
  const target = `${host}:${port}`;
  if (timeoutSeconds === undefined) return `until nc -z -w 2 ${host} ${port}; do echo "waiting for ${target}"; sleep 2; done`;
  return [
    `deadline=$(($(date +%s) + ${timeoutSeconds}))`,
    `until nc -z -w 2 ${host} ${port}; do`,
    `  if [ "$(date +%s)" -ge "$deadline" ]; then echo "${target} not reachable after ${timeoutSeconds}s"; exit 1; fi`,
    `  echo "waiting for ${target}"; sleep 2`,
    "done",
  ].join("\n");
}

const waitForPattern = definePattern<WaitForOptions>({
  name: "wait-for",
  check(options, origin) {
    if (typeof options.host === "string" && typeof options.port === "number") checkHostPort(options.host, options.port, origin);
    if (options.timeoutSeconds !== undefined && (!Number.isInteger(options.timeoutSeconds) || options.timeoutSeconds < 1)) {
      report.error("TKC2450", `waitFor(): timeoutSeconds must be a positive whole number, not ${options.timeoutSeconds}`, atArgument(origin, 2, ["timeoutSeconds"]), { hint: "e.g. timeoutSeconds: 300" });
    }
  },
  apply(options, build, context, origin) {
    const host = resolve(options.host, context.environment);
    const port = resolve(options.port, context.environment);
    checkHostPort(host, port, origin);
    const name = options.name ?? toLabel(`wait-for-${host}`);
    checkContainerName(build, name, "TKC2452", atArgument(origin, 2, ["name"]));
    const container: Container = {
      name,
      image: options.image ?? PINNED_IMAGES.busybox,
      command: ["sh", "-c", waitScript(host, port, options.timeoutSeconds)],
      resources: SMALL,
      securityContext: helperSecurityContext(),
    };
    build.addContainer(container, { origin, init: true, fields: [[["name"], ["name"]], [["image"], ["image"]]] });
  },
});

/**
 * An init container that holds the app back until `host:port` accepts TCP connections, e.g.
 * `waitFor("postgres", 5432)`. Uses a pinned busybox and `nc -z`.
 */
export function waitFor(host: PerEnvironment<string>, port: PerEnvironment<number>, options: Omit<WaitForOptions, "host" | "port"> = {}): Pattern {
  return waitForPattern({ host, port, ...options });
}

export interface RunBeforeOptions {
  /** Init container name. @default "run-before" */
  readonly name?: string;
  /** What to run, e.g. `["/app/bin/migrate", "up"]`. */
  readonly command: PerEnvironment<readonly string[]>;
  readonly args?: PerEnvironment<readonly string[]>;
  /** @default the app's image (same build, same tag) */
  readonly image?: PerEnvironment<string>;
  /** Copy the app container's env, envFrom and volume mounts (its security context is always copied). @default true */
  readonly inheritApp?: boolean;
  /** Extra env vars (after the inherited ones). */
  readonly env?: Readonly<Record<string, PerEnvironment<EnvVarValue>>>;
  /** @default the app's resources */
  readonly resources?: PerEnvironment<ResourceRequirements>;
}

/**
 * An init container that runs a command to completion before the app starts (database
 * migrations, cache warm-up). By default it reuses the app's image, env and mounts, so it runs
 * against exactly the release it prepares.
 */
export const runBefore = definePattern<RunBeforeOptions>({
  name: "run-before",
  check(options, origin) {
    if (options.command === undefined || (Array.isArray(options.command) && options.command.length === 0)) {
      fail("TKC2451", "runBefore() needs a command", atProperty(origin, ["command"]), "e.g. runBefore({ command: [\"/app/bin/migrate\", \"up\"] })");
    }
  },
  apply(options, build, context, origin) {
    const environment = context.environment;
    const command = resolve(options.command, environment);
    if (command.length === 0) fail("TKC2451", `runBefore() has an empty command in environment '${environment.name}'`, atProperty(origin, ["command"]), "give every environment a command");
    const name = options.name ?? "run-before";
    checkContainerName(build, name, "TKC2452", atProperty(origin, ["name"]));
    const app = build.container;
    const inherit = options.inheritApp ?? true;
    const extra: EnvVar[] = toEnvVars(Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, resolve(v, environment)])));
    const vars = [...(inherit ? (app.env ?? []) : []), ...extra];
    const container: Container = compact({
      name,
      image: options.image === undefined ? app.image : resolve(options.image, environment),
      command: [...command],
      args: options.args ? [...resolve(options.args, environment)] : undefined,
      env: vars.length > 0 ? vars : undefined,
      envFrom: inherit && app.envFrom ? [...app.envFrom] : undefined,
      volumeMounts: inherit && app.volumeMounts ? [...app.volumeMounts] : undefined,
      resources: options.resources ? resolveDeep(resolve(options.resources, environment), environment) : app.resources,
      securityContext: app.securityContext,
    }) as Container;
    // What it inherits from the app stays the app's; what it was given is this call's.
    const given = (["name", "image", "command", "args", "resources"] as const).filter((key) => options[key] !== undefined);
    build.addContainer(container, { origin, init: true, fields: given.map((key) => [[key], [key]] as const) });
  },
});

import type { LifecycleHandler } from "tkc/k8s";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";

export interface LifecycleHooksOptions {
  /** Runs right after the container starts (not before its entrypoint: they race). @default none */
  readonly postStart?: PerEnvironment<LifecycleHandler>;
  /** Runs before the container gets SIGTERM; its time counts against the grace period. @default none */
  readonly preStop?: PerEnvironment<LifecycleHandler>;
}

const HANDLERS = ["exec", "httpGet", "sleep"] as const;

/**
 * Exactly one supported action per hook; a named httpGet port must be one of the workload's.
 * Each mistake is reported; false when there was one (the hook is then not set).
 */
export function checkHandler(hook: string, handler: LifecycleHandler, origin: SourceLocation | undefined, build?: WorkloadBuild, path?: readonly (string | number)[]): boolean {
  const set = HANDLERS.filter((key) => handler[key] !== undefined);
  const port = handler.httpGet?.port;
  // `path`: where the handler is written in the call's options, if it is (lifecycleHooks' own)
  const at = (...rest: string[]) => (path ? atProperty(origin, [...path, ...rest]) : origin);
  return checkCall(
    origin,
    undefined,
    () => {
      if (handler.tcpSocket !== undefined) fail("TKC2211", `the ${hook} hook uses tcpSocket, which Kubernetes accepts but never runs`, at("tcpSocket"), "use exec, httpGet or sleep");
    },
    () => {
      if (set.length !== 1 && !(set.length === 0 && handler.tcpSocket !== undefined)) {
        fail("TKC2211", `the ${hook} hook must have exactly one of exec, httpGet, sleep (it has ${set.length === 0 ? "none" : set.join(", ")})`, at(), "keep one action per hook");
      }
    },
    () => {
      if (handler.exec && (handler.exec.command ?? []).length === 0) fail("TKC2211", `the ${hook} hook's exec has no command`, at("exec"), "set exec: { command: [\"/bin/app\", \"drain\"] }");
    },
    () => {
      if (build && typeof port === "string" && !build.ports.some((p) => p.name === port)) {
        fail("TKC2211", `the ${hook} hook calls port '${port}', which ${build.type} '${build.name}' does not declare`, at("httpGet", "port"), "use the name of one of the workload's ports");
      }
    },
  );
}

/** Set one hook on the main container; a hook set twice is an error rather than a silent override. */
export function setHook(build: WorkloadBuild, hook: "postStart" | "preStop", handler: LifecycleHandler, origin: SourceLocation | undefined, by: string): void {
  const lifecycle = build.container.lifecycle ?? {};
  if (lifecycle[hook] !== undefined) {
    fail("TKC2211", `${build.type} '${build.name}' has a ${hook} hook already; ${by} would replace it`, origin, `keep one ${hook} hook: gracefulShutdown() and lifecycleHooks({ preStop }) both set preStop`);
  }
  build.container = { ...build.container, lifecycle: { ...lifecycle, [hook]: handler } };
}

/** postStart and preStop hooks on the main container. */
export const lifecycleHooks = definePattern<LifecycleHooksOptions>({
  name: "lifecycle-hooks",
  check(options, origin) {
    if (options.postStart === undefined && options.preStop === undefined) fail("TKC2211", "lifecycleHooks() sets no hook", origin, "set postStart or preStop");
  },
  apply(options, build, context, origin) {
    for (const hook of ["postStart", "preStop"] as const) {
      const value = options[hook];
      if (value === undefined) continue;
      const handler = resolve(value, context.environment);
      if (!checkHandler(hook, handler, origin, build, [hook])) continue;
      setHook(build, hook, handler, origin, "lifecycleHooks()");
    }
  },
});

import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { checkWhole } from "../../../workloads/checks.js";
import { setHook } from "./lifecycle-hooks.js";

export interface GracefulShutdownOptions {
  /**
   * Seconds the pod keeps serving after it is marked terminating, while Services, Ingress
   * controllers and kube-proxy stop sending it new requests. @default 5
   */
  readonly drainSeconds?: PerEnvironment<number>;
  /** Seconds from the start of termination to SIGKILL; the app gets this minus drainSeconds after SIGTERM. @default 30 */
  readonly terminationGracePeriodSeconds?: PerEnvironment<number>;
  /**
   * Run this command to drain instead of the kubelet's built-in sleep (for clusters older than
   * 1.30, where the preStop sleep action is off). @default none: `preStop: { sleep: { seconds: drainSeconds } }`
   */
  readonly drainCommand?: readonly string[];
}

/** Both times are whole seconds (each reported), and the drain ends before the grace period does. */
function checkTimes(drain: unknown, grace: unknown, origin: SourceLocation | undefined): void {
  const whole = checkCall(
    origin,
    undefined,
    () => checkWhole("TKC2210", "drainSeconds", drain, 1, atProperty(origin, ["drainSeconds"])),
    () => checkWhole("TKC2210", "terminationGracePeriodSeconds", grace, 1, atProperty(origin, ["terminationGracePeriodSeconds"])),
  );
  if (whole && (drain as number) >= (grace as number)) {
    fail(
      "TKC2210",
      `drainSeconds (${drain}) must be less than terminationGracePeriodSeconds (${grace}): the app would be killed before it gets SIGTERM`,
      origin,
      "leave the app time to finish in-flight work after draining, e.g. drainSeconds: 5, terminationGracePeriodSeconds: 30",
    );
  }
}

/**
 * Graceful shutdown: a preStop sleep so endpoints drain before the app gets SIGTERM, and a grace
 * period long enough for the app to finish what it is doing afterwards.
 */
export const gracefulShutdown = definePattern<GracefulShutdownOptions>({
  name: "graceful-shutdown",
  check(options, origin) {
    const drain = options.drainSeconds ?? 5;
    const grace = options.terminationGracePeriodSeconds ?? 30;
    checkCall(
      origin,
      undefined,
      () => {
        if (typeof drain === "number" && typeof grace === "number") checkTimes(drain, grace, origin);
      },
      () => {
        if (options.drainCommand !== undefined && options.drainCommand.length === 0) fail("TKC2210", "drainCommand is empty", atProperty(origin, ["drainCommand"]), "remove it to use the built-in sleep, or give a command");
      },
    );
  },
  apply(options, build, context, origin) {
    const drain = resolve(options.drainSeconds ?? 5, context.environment);
    const grace = resolve(options.terminationGracePeriodSeconds ?? 30, context.environment);
    checkTimes(drain, grace, origin);
    const preStop = options.drainCommand ? { exec: { command: [...options.drainCommand] } } : { sleep: { seconds: drain } };
    setHook(build, "preStop", preStop, origin, "gracefulShutdown()");
    build.pod = { ...build.pod, terminationGracePeriodSeconds: grace };
  },
});

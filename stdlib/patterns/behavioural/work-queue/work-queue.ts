import type { Service } from "tkc/k8s";
import { defineComponent, isComponent, rejectedComponent, type Component, type ExpandContext } from "../../../core/component.js";
import { fail } from "../../../core/errors.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import { checkJobOptions, jobDraft, type JobOptions } from "../../../workloads/job.js";
import { isDns1123Label } from "../../../../syntax/index.js";

export interface WorkQueueOptions extends Omit<JobOptions, "completionMode" | "backoffLimitPerIndex" | "maxFailedIndexes"> {
  /** The queue: a component with a Service (e.g. a `statefulService` running Redis) or a Service name. */
  readonly queue: Component | string;
  /** Port of the queue's Service, by name or number. @default the component's first Service port (required with a Service name) */
  readonly queuePort?: string | number;
  /** Name of the queue or list inside the broker, handed to the workers as QUEUE_NAME. @default none */
  readonly queueName?: string;
  /** Workers running at once; each takes items until the queue is empty, then exits 0. */
  readonly parallelism: JobOptions["parallelism"] & {};
}

/** `host:port` of the queue: the Service's short name (same namespace) and its port number. */
function queueAddress(options: WorkQueueOptions, context: ExpandContext, origin: SourceLocation | undefined): { host: string; port: number } {
  const { queue, queuePort } = options;
  if (typeof queue === "string") {
    if (typeof queuePort !== "number") fail("TKC2280", `workQueue '${options.name}' names the queue Service '${queue}' but no port number`, atProperty(origin, ["queue"]), "set queuePort: 6379 (or pass the queue's component instead of its name)");
    return { host: queue, port: queuePort };
  }
  const service = queue.expand(context).map((d) => d.object).find((o): o is Service => o.kind === "Service" && o.metadata?.name === queue.name);
  const ports = service?.spec?.ports ?? [];
  if (!service || ports.length === 0) fail("TKC2280", `workQueue '${options.name}' uses ${queue.type} '${queue.name}' as its queue, but it has no Service with a port`, atProperty(origin, ["queue"]), "use a service() or statefulService() with a port as the queue");
  const port = queuePort === undefined ? ports[0] : ports.find((p) => p.name === queuePort || p.port === queuePort);
  if (!port) fail("TKC2280", `the queue ${queue.type} '${queue.name}' has no port ${JSON.stringify(queuePort)}`, atProperty(origin, ["queuePort"]), `use one of: ${ports.map((p) => p.name ?? p.port).join(", ")}`);
  return { host: queue.name, port: port.port };
}

/**
 * A work queue: a Job of `parallelism` workers that take items from a queue until it is empty.
 * The queue's address reaches the workers as QUEUE_HOST, QUEUE_PORT, QUEUE_ADDRESS (and
 * QUEUE_NAME), wired from the queue component, so renaming the queue cannot break the workers.
 */
export function workQueue(options: WorkQueueOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(
    origin,
    options,
    () => checkJobOptions(options, origin),
    () => {
      if (typeof options.parallelism === "number" && options.parallelism < 1) fail("TKC2280", `workQueue '${options.name}' has parallelism ${options.parallelism}; it needs at least one worker`, atProperty(origin, ["parallelism"]), "set parallelism: 1 or more");
    },
    () => {
      if (typeof options.queue === "string" ? !isDns1123Label(options.queue) : !isComponent(options.queue)) {
        fail("TKC2280", `workQueue '${options.name}' queue must be a component or a Service name`, atProperty(origin, ["queue"]), "pass the queue's component (e.g. a statefulService) or its Service name");
      }
      if (typeof options.queue === "string" && typeof options.queuePort !== "number") {
        fail("TKC2280", `workQueue '${options.name}' names the queue Service '${options.queue}' but no port number`, atProperty(origin, ["queue"]), "set queuePort: 6379 (or pass the queue's component instead of its name)");
      }
    },
    () => {
      for (const key of ["QUEUE_HOST", "QUEUE_PORT", "QUEUE_ADDRESS", "QUEUE_NAME"]) {
        if (options.env && key in options.env) fail("TKC2280", `workQueue '${options.name}' sets env ${key}, which the pattern sets from the queue`, atProperty(origin, ["env", key]), `remove ${key} from env`);
      }
    },
  );
  if (!usable) return rejectedComponent("workQueue", options?.name, origin);
  return defineComponent({
    type: "workQueue",
    name: options.name,
    origin,
    expand(context) {
      const { host, port } = queueAddress(options, context, origin);
      const envVars = {
        ...options.env,
        QUEUE_HOST: host,
        QUEUE_PORT: String(port),
        QUEUE_ADDRESS: `${host}:${port}`,
        ...(options.queueName ? { QUEUE_NAME: options.queueName } : {}),
      };
      const { build, draft } = jobDraft("workQueue", { ...options, env: envVars }, context, origin);
      return [draft, ...build.extraObjects];
    },
  });
}

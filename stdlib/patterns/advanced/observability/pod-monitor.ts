import type { MonitoringCoreosComV1PodMonitor } from "tkc/crds";
import { compact } from "../../../core/merge.js";
import { definePattern } from "../../../core/pattern.js";
import { checkDuration, checkMonitorOptions, metricsPort, recordJob, type MonitorOptions } from "./monitoring.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";

export type PodMonitorOptions = MonitorOptions;

/**
 * A Prometheus Operator PodMonitor (monitoring.coreos.com/v1) named like the workload, scraping
 * the named container port of its pods directly (for workers and daemons without a Service).
 * Its targets get `job="<namespace>/<workload>"`.
 */
export const podMonitor = definePattern<PodMonitorOptions>({
  name: "pod-monitor",
  check: (options, origin) => checkMonitorOptions("podMonitor()", options, origin, sameInEveryEnvironment),
  apply(options, build, context, origin) {
    metricsPort("podMonitor()", build, options.port, origin);
    const interval = optionForEnvironment(options.interval, context);
    const scrapeTimeout = optionForEnvironment(options.scrapeTimeout, context);
    checkDuration("podMonitor()", "interval", interval, origin);
    checkDuration("podMonitor()", "scrapeTimeout", scrapeTimeout, origin);
    recordJob(build, `${context.environment.namespace}/${build.name}`);
    const monitor: MonitoringCoreosComV1PodMonitor = {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PodMonitor",
      metadata: { name: build.name, labels: { ...labelsFor(build), ...(options.labels ?? {}) } },
      spec: {
        selector: { matchLabels: { ...build.selector } },
        podMetricsEndpoints: [compact({ port: options.port, path: options.path ?? "/metrics", scheme: options.scheme ?? "http", interval, scrapeTimeout })],
      },
    };
    build.extraObjects.push({
      object: monitor,
      origin,
      fields: [
        [[], []],
        [["metadata", "labels"], ["labels"]],
        [["spec", "podMetricsEndpoints", 0, "port"], ["port"]],
        [["spec", "podMetricsEndpoints", 0, "path"], ["path"]],
        [["spec", "podMetricsEndpoints", 0, "interval"], ["interval"]],
        [["spec", "podMetricsEndpoints", 0, "scrapeTimeout"], ["scrapeTimeout"]],
      ],
    });
  },
});

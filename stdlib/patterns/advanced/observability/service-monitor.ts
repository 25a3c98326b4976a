import type { MonitoringCoreosComV1ServiceMonitor } from "tkc/crds";
import { fail } from "../../../core/errors.js";
import { compact } from "../../../core/merge.js";
import { definePattern } from "../../../core/pattern.js";
import { checkDuration, checkMonitorOptions, metricsPort, recordJob, type MonitorOptions } from "./monitoring.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";

export type ServiceMonitorOptions = MonitorOptions;

/**
 * A Prometheus Operator ServiceMonitor (monitoring.coreos.com/v1) named like the workload,
 * scraping the named port through the workload's Service. Its targets get `job="<workload>"`.
 */
export const serviceMonitor = definePattern<ServiceMonitorOptions>({
  name: "service-monitor",
  check: (options, origin) => checkMonitorOptions("serviceMonitor()", options, origin, sameInEveryEnvironment),
  apply(options, build, context, origin) {
    if (build.type !== "service" && build.type !== "statefulService") {
      fail("TKC2643", `serviceMonitor() scrapes through a Service, but ${build.type} '${build.name}' has none`, origin, "use podMonitor() to scrape the pods directly");
    }
    metricsPort("serviceMonitor()", build, options.port, origin);
    const interval = optionForEnvironment(options.interval, context);
    const scrapeTimeout = optionForEnvironment(options.scrapeTimeout, context);
    checkDuration("serviceMonitor()", "interval", interval, origin);
    checkDuration("serviceMonitor()", "scrapeTimeout", scrapeTimeout, origin);
    recordJob(build, build.name);
    const monitor: MonitoringCoreosComV1ServiceMonitor = {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: { name: build.name, labels: { ...labelsFor(build), ...(options.labels ?? {}) } },
      spec: {
        selector: { matchLabels: { ...build.selector } },
        endpoints: [compact({ port: options.port, path: options.path ?? "/metrics", scheme: options.scheme ?? "http", interval, scrapeTimeout })],
      },
    };
    build.extraObjects.push({
      object: monitor,
      origin,
      fields: [
        [[], []],
        [["metadata", "labels"], ["labels"]],
        [["spec", "endpoints", 0, "port"], ["port"]],
        [["spec", "endpoints", 0, "path"], ["path"]],
        [["spec", "endpoints", 0, "interval"], ["interval"]],
        [["spec", "endpoints", 0, "scrapeTimeout"], ["scrapeTimeout"]],
      ],
    });
  },
});

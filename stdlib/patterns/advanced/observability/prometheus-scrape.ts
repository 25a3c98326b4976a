import { fail } from "../../../core/errors.js";
import { atProperty } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { metricsPort } from "./monitoring.js";

export interface PrometheusScrapeOptions {
  /** The workload's port that serves metrics, by name. */
  readonly port: string;
  /** HTTP path of the metrics. @default "/metrics" */
  readonly path?: string;
  /** @default "http" */
  readonly scheme?: "http" | "https";
}

/**
 * Annotation-based discovery for Prometheus setups that use the conventional
 * `prometheus.io/*` pod annotations (the community Helm chart's `kubernetes-pods` job):
 * sets `prometheus.io/scrape`, `prometheus.io/port`, `prometheus.io/path` and
 * `prometheus.io/scheme` on the pod template.
 */
export const prometheusScrape = definePattern<PrometheusScrapeOptions>({
  name: "prometheus-scrape",
  check(options, origin) {
    const path = options.path ?? "/metrics";
    if (!path.startsWith("/")) {
      fail("TKC2641", `prometheusScrape() path '${path}' does not start with '/'`, atProperty(origin, ["path"]), "e.g. path: \"/metrics\"");
    }
  },
  apply(options, build, _context, origin) {
    const port = metricsPort("prometheusScrape()", build, options.port, origin);
    build.podAnnotations["prometheus.io/scrape"] = "true";
    build.podAnnotations["prometheus.io/port"] = String(port.containerPort);
    build.podAnnotations["prometheus.io/path"] = options.path ?? "/metrics";
    build.podAnnotations["prometheus.io/scheme"] = options.scheme ?? "http";
  },
});

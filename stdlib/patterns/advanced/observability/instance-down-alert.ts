import type { MonitoringCoreosComV1PrometheusRule } from "tkc/crds";
import type { PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { atProperty } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { checkDuration, jobOf } from "./monitoring.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";

export interface InstanceDownAlertOptions {
  /** How long a target must be down before the alert fires, a Prometheus duration. @default "5m" */
  readonly for?: PerEnvironment<string>;
  /** The alert's `severity` label, for Alertmanager routing, e.g. `perEnv({ dev: "info", prod: "critical" })`. @default "warning" */
  readonly severity?: PerEnvironment<string>;
  /** The targets' Prometheus `job` label. @default the one serviceMonitor() or podMonitor() gives (list it first) */
  readonly job?: PerEnvironment<string>;
  /** Labels on the PrometheusRule object, for the Prometheus' ruleSelector. @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A PrometheusRule (monitoring.coreos.com/v1) `<workload>-alerts` with one alert, InstanceDown:
 * `up{job="...", namespace="..."} == 0` for 5 minutes, labelled with a severity per environment.
 */
export const instanceDownAlert = definePattern<InstanceDownAlertOptions>({
  name: "instance-down-alert",
  check(options, origin) {
    checkDuration("instanceDownAlert()", "for", sameInEveryEnvironment(options.for), atProperty(origin, ["for"]));
    const severity = sameInEveryEnvironment(options.severity);
    if (severity !== undefined && !/^[a-z][a-z0-9_-]*$/.test(severity)) {
      fail("TKC2644", `instanceDownAlert() severity '${severity}' is not a lowercase word`, atProperty(origin, ["severity"]), "use \"critical\", \"warning\" or \"info\"");
    }
  },
  apply(options, build, context, origin) {
    const job = optionForEnvironment(options.job, context) ?? jobOf(build);
    if (job === undefined) {
      fail(
        "TKC2645",
        `instanceDownAlert() cannot tell the Prometheus job of '${build.name}'s targets`,
        origin,
        "list serviceMonitor() or podMonitor() before it in patterns, or set job: the value of the targets' job label",
      );
    }
    const duration = optionForEnvironment(options.for, context) ?? "5m";
    checkDuration("instanceDownAlert()", "for", duration, atProperty(origin, ["for"]));
    const severity = optionForEnvironment(options.severity, context) ?? "warning";
    const namespace = context.environment.namespace;
    const rule: MonitoringCoreosComV1PrometheusRule = {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      metadata: { name: `${build.name}-alerts`, labels: { ...labelsFor(build), ...(options.labels ?? {}) } },
      spec: {
        groups: [
          {
            name: `${namespace}.${build.name}.availability`,
            rules: [
              {
                alert: "InstanceDown",
                expr: `up{job=${JSON.stringify(job)}, namespace=${JSON.stringify(namespace)}} == 0`,
                for: duration,
                labels: { severity, workload: build.name },
                annotations: {
                  summary: `An instance of ${build.name} in ${namespace} is down`,
                  description: `Prometheus has not been able to scrape {{ $labels.instance }} (${build.name}, namespace ${namespace}) for ${duration}.`,
                },
              },
            ],
          },
        ],
      },
    };
    build.extraObjects.push({ object: rule, origin, fields: [[[], []], [["metadata", "labels"], ["labels"]], [["spec", "groups", 0, "rules", 0, "for"], ["for"]], [["spec", "groups", 0, "rules", 0, "labels", "severity"], ["severity"]]] });
  },
});

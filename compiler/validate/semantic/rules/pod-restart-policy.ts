import { show } from "../guards.js";
import type { SemanticRule } from "./rule.js";

/** TKC3221: the restart policies each kind's pod template allows. */
export const podRestartPolicy: SemanticRule = {
  name: "pod-restart-policy",
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    const policy = template.spec.restartPolicy;
    const path = [...template.specPath, "restartPolicy"];
    if (target.kind === "Job" || target.kind === "CronJob") {
      if (policy === "Never" || policy === "OnFailure") return;
      report.error(
        "TKC3221",
        path,
        policy === undefined ? `${target.kind} pod template has no restartPolicy; the default Always is not allowed for Jobs` : `restartPolicy ${show(policy)} is not allowed for a ${target.kind}; use Never or OnFailure`,
        "set restartPolicy to Never (let the Job retry in new pods) or OnFailure (restart in place)",
      );
    } else if (target.kind === "Pod") {
      if (policy !== undefined && !["Always", "OnFailure", "Never"].includes(policy as string)) {
        report.error("TKC3221", path, `restartPolicy ${show(policy)} is not one of Always, OnFailure, Never`, "use Always, OnFailure or Never");
      }
    } else if (policy !== undefined && policy !== "Always") {
      report.error("TKC3221", path, `restartPolicy ${show(policy)} is not allowed for a ${target.kind}; only Always is`, "remove restartPolicy (it defaults to Always), or use a Job for run-to-completion work");
    }
  },
};

import { escapeLine } from "../diagnostics/escape.js";
import { counted } from "../diagnostics/counted.js";
import { describeObject } from "../model/object.js";
import type { ImportPlan } from "./import-project.js";
import { shownName } from "./object-name.js";

/**
 * The import report: per application what was grouped and why, which objects became patterns,
 * which stayed raw()/unchecked(), and what could not be kept (Secrets left out, namespaces kept).
 */
export function renderReport(plan: ImportPlan, outShown: string): string {
  const lines: string[] = [];
  const count = (how: string) => plan.apps.reduce((n, app) => n + app.plans.filter((p) => p.how === how).length, 0);
  lines.push(`imported ${counted(plan.apps.reduce((n, a) => n + a.plans.length, 0), "object")} into ${counted(plan.apps.length, "application")} in ${outShown}/ (environment ${plan.environment.name}, namespace ${plan.environment.namespace})`);
  for (const app of plan.apps) {
    lines.push("", `${app.file} (${app.name}; grouped by ${app.signals.join(", ") || "name"})`);
    for (const p of app.plans) {
      const what = `${p.object.kind} ${shownName(p.object)}`;
      if (p.how === "service") lines.push(`  service()     ${what} + Service ${p.object.metadata.name} (security: "none": the pods keep the manifests' security context, not the restricted profile)`);
      else if (p.how === "raw") lines.push(`  raw()         ${what}`);
      else if (p.how === "unchecked") lines.push(`  unchecked()   ${what} (${p.why ?? `no types for ${p.object.apiVersion} ${p.object.kind}: run tkc import crd on its CRD for types`})`);
      else if (p.how === "plainSecret") lines.push(`  plainSecret() ${what} (values in the bundle in plain text: --include-secrets)`);
      else lines.push(`  left out      ${what}: holds values (${p.keys.join(", ")}); create it before installing`);
    }
  }
  const services = plan.apps.flatMap((a) => a.plans.filter((p) => p.how === "service").map((p) => String(p.object.metadata.name)));
  lines.push("");
  lines.push(services.length > 0
    ? `mapped to service(): ${services.join(", ")} (verified: service() builds exactly their Deployment and Service)`
    : "mapped to service(): none (service() would change their selectors, labels, security contexts or defaults, so they stay raw())");
  lines.push(`service(): ${count("service")}, raw(): ${count("raw")}, unchecked(): ${count("unchecked")}, plainSecret(): ${count("plainSecret")}`);
  const leftOut = plan.apps.flatMap((a) => a.plans.filter((p) => p.how === "secretLeftOut"));
  const other = plan.otherNamespaces;
  const withNulls = plan.apps.flatMap((a) => a.plans.filter((p) => p.droppedNulls !== undefined));
  if (leftOut.length > 0 || other.length > 0 || withNulls.length > 0) {
    lines.push("not kept:");
    for (const p of withNulls) lines.push(`  ${describeObject(p.manifest.object)}: null fields left out (the API server reads them as unset): ${listed(p.droppedNulls!)}`);
    for (const p of leftOut) lines.push(`  ${describeObject(p.manifest.object)}: Secret with values, not imported (pass --include-secrets to keep it in plain text)`);
    for (const m of other) lines.push(`  ${describeObject(m.object)}: keeps its own namespace (the environment's is ${plan.environment.namespace})`);
  }
  lines.push("", `next: tkc check ${outShown} && tkc build ${outShown}`);
  // Names and keys come from the manifests: each line is shown escaped, never obeyed by a terminal or a CI runner.
  return lines.map(escapeLine).join("\n");
}

/** At most five items, then how many more. */
function listed(items: readonly string[]): string {
  return items.length <= 5 ? items.join(", ") : `${items.slice(0, 5).join(", ")} and ${items.length - 5} more`;
}

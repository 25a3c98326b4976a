import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asArray, asRecord, asString, show } from "../guards.js";
import { relatedAt } from "../report.js";
import { envVarNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

const SOURCES = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"];

/** TKC3215-3217: env var names, duplicates, and the value/valueFrom shape. */
export const podEnv: SemanticRule = {
  name: "pod-env",
  check(target, _bundle, report) {
    if (!target.podTemplate) return;
    for (const ref of containersOf(target.podTemplate)) {
      const seen = new Map<string, JsonPath>();
      asArray(ref.container.env).forEach((entry, i) => {
        const env = asRecord(entry);
        if (!env) return;
        const path = [...ref.path, "env", i];
        const name = asString(env.name);
        if (name !== undefined) {
          const problem = envVarNameProblem(name);
          if (problem) report.error("TKC3215", [...path, "name"], `environment variable name ${show(name)} is not valid: it ${problem}`, "use a name such as \"LOG_LEVEL\"");
          const first = seen.get(name);
          if (first) {
            report.warning("TKC3216", [...path, "name"], `environment variable ${show(name)} is set twice in container ${show(ref.container.name)}; the later one wins`, "remove one of the two entries", [relatedAt(target, first, `the first ${name} is here`)]);
          } else seen.set(name, [...path, "name"]);
        }
        if (env.valueFrom === undefined) return;
        const valueFrom = asRecord(env.valueFrom);
        const sources = SOURCES.filter((s) => valueFrom?.[s] !== undefined && valueFrom?.[s] !== null);
        if (sources.length !== 1) {
          report.error("TKC3217", [...path, "valueFrom"], `valueFrom of ${show(name)} has ${sources.length === 0 ? "no source" : `${sources.length} sources (${sources.join(", ")})`}; exactly one is required`, "use exactly one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef");
        }
        if (typeof env.value === "string" && env.value !== "") {
          report.error("TKC3217", [...path, "value"], `environment variable ${show(name)} sets both value and valueFrom`, "keep either the literal value or valueFrom, not both");
        }
      });
    }
  },
};

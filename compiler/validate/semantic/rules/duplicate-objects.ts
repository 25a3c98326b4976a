import { show } from "../guards.js";
import { relatedAt } from "../report.js";
import type { SemanticRule } from "./rule.js";

/** TKC3110: two objects with the same API group, kind, namespace and name (any version). */
export const duplicateObjects: SemanticRule = {
  name: "duplicate-objects",
  check(target, bundle, report) {
    const first = bundle.earlierTwin(target);
    if (!first) return;
    const where = target.namespace ? ` in namespace ${show(target.namespace)}` : "";
    report.error(
      "TKC3110",
      ["metadata", "name"],
      `${target.kind} ${show(target.name)}${where} is defined twice (object #${first.index + 1} has the same group, kind and name)`,
      "rename one of them or remove the duplicate; apiVersions of the same group name the same object",
      [relatedAt(first, ["metadata", "name"], `the first ${target.kind} ${show(target.name)} is here`)],
    );
  },
};

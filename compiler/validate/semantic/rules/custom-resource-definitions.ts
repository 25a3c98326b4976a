import { crdNameProblems } from "../../../crd/crd-names.js";
import type { SemanticRule } from "./rule.js";

/**
 * TKC3840: the names of a CustomResourceDefinition (group, plural, kind, versions), as
 * ValidateCustomResourceDefinition checks them; see compiler/crd/crd-names.ts.
 */
export const customResourceDefinitions: SemanticRule = {
  name: "custom-resource-definitions",
  kinds: ["apiextensions.k8s.io/CustomResourceDefinition"],
  check(target, _bundle, report) {
    for (const problem of crdNameProblems(target.object as Record<string, unknown>)) report.error("TKC3840", [...problem.path], problem.message, problem.hint);
  },
};

import { asArray, asRecord, asString, show } from "../guards.js";
import { relatedAt } from "../report.js";
import { qualifiedNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/** Finalizers Kubernetes itself defines, which need no domain (metav1 and core). */
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/**
 * TKC3111-3112: finalizer names and owner references. Mirrors ValidateFinalizerName and
 * ValidateOwnerReferences in staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * (with the standard finalizers of pkg/apis/core/validation).
 */
export const objectMetadata: SemanticRule = {
  name: "object-metadata",
  check(target, _bundle, report) {
    const metadata = asRecord(target.object.metadata);
    if (!metadata) return;
    asArray(metadata.finalizers).forEach((entry, i) => {
      if (typeof entry !== "string") return;
      const path = ["metadata", "finalizers", i];
      const problem = qualifiedNameProblem(entry);
      if (problem) report.error("TKC3111", path, `finalizer ${show(entry)} is not a qualified name: it ${problem}`, "name finalizers like \"example.com/cleanup\"");
      // The server only warns here ("prefer a domain-qualified finalizer name"): Argo CD's own
      // resources-finalizer.argocd.argoproj.io has no "/".
      else if (!entry.includes("/") && !STANDARD_FINALIZERS.has(entry)) report.warning("TKC3111", path, `finalizer ${show(entry)} is neither a standard finalizer nor domain-qualified; the API server warns`, `prefer a name with your domain and a path, e.g. ${show(`example.com/${entry}`)}`);
    });
    let controller: number | undefined;
    asArray(metadata.ownerReferences).forEach((entry, i) => {
      const owner = asRecord(entry);
      if (!owner) return;
      const path = ["metadata", "ownerReferences", i];
      for (const field of ["apiVersion", "kind", "name", "uid"]) {
        if (!asString(owner[field])) report.error("TKC3112", [...path, field], `owner reference #${i + 1} has no ${field}`, `set ${field}: the garbage collector needs apiVersion, kind, name and uid`);
      }
      if (owner.controller !== true) return;
      if (controller !== undefined) report.error("TKC3112", [...path, "controller"], "two owner references are marked controller: true; at most one may be", "keep controller: true on one owner only", [relatedAt(target, ["metadata", "ownerReferences", controller, "controller"], "the first controller is here")]);
      else controller = i;
    });
  },
};

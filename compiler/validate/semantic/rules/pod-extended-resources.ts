import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asRecord, type Json, show } from "../guards.js";
import { compareQuantities, parseQuantity, qualifiedNameProblem } from "../../../../syntax/index.js";
import type { Reporter } from "../report.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

/** Standard container resources (pkg/apis/core/helper: IsStandardContainerResourceName). */
const STANDARD = new Set(["cpu", "memory", "ephemeral-storage"]);

/**
 * TKC3245-3246: resource names and the resources the scheduler cannot overcommit.
 * Mirrors ValidateResourceRequirements with validateContainerResourceName in
 * pkg/apis/core/validation/validation.go.
 */
export const podExtendedResources: SemanticRule = {
  name: "pod-extended-resources",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    for (const ref of containersOf(template)) {
      const resources = asRecord(ref.container.resources);
      if (resources) checkRequirements(resources, [...ref.path, "resources"], `container ${show(ref.container.name)}`, report);
    }
  },
};

/** Hugepages and extended resources (any name with a domain outside kubernetes.io) cannot be overcommitted. */
function isOvercommitForbidden(name: string): boolean {
  return name.startsWith("hugepages-") || isExtendedResource(name);
}

/** pkg/apis/core/helper: IsExtendedResourceName. */
function isExtendedResource(name: string): boolean {
  return name.includes("/") && !name.includes("kubernetes.io/") && !name.startsWith("requests.");
}

function checkRequirements(resources: Json, path: JsonPath, owner: string, report: Reporter): void {
  const requests = asRecord(resources.requests) ?? {};
  const limits = asRecord(resources.limits) ?? {};
  for (const [kind, map] of [["limits", limits], ["requests", requests]] as const) {
    for (const name of Object.keys(map)) {
      const problem = resourceNameProblem(name);
      if (problem) report.error("TKC3246", [...path, kind, name], `resource name ${show(name)} of ${owner} ${problem}`, "use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified extended resource such as \"nvidia.com/gpu\"");
    }
  }
  for (const [name, raw] of Object.entries(requests)) {
    if (!isOvercommitForbidden(name) || resourceNameProblem(name)) continue;
    const request = parseQuantity(raw);
    if (!(name in limits)) {
      report.error("TKC3245", [...path, "requests", name], `${owner} requests ${name} without a limit; ${name} cannot be overcommitted, so it needs a limit equal to the request`, `add limits.${name}: ${show(raw)}`);
      continue;
    }
    const limit = parseQuantity(limits[name]);
    if (request && limit && compareQuantities(request, limit) !== 0) {
      report.error("TKC3245", [...path, "requests", name], `${owner} requests ${show(raw)} of ${name} but limits it to ${show(limits[name])}; ${name} cannot be overcommitted, so the two must be equal`, `set requests.${name} and limits.${name} to the same value`);
    }
  }
}

/**
 * Mirrors validateContainerResourceName: a standard name, hugepages-<size>, or a qualified
 * name with a domain (an extended resource); "requests." prefixes are for quotas only.
 */
function resourceNameProblem(name: string): string | undefined {
  if (STANDARD.has(name) || name.startsWith("hugepages-")) return undefined;
  if (!name.includes("/")) return "is not a standard resource, and extended resources need a domain prefix";
  const problem = qualifiedNameProblem(name);
  if (problem) return `is not a qualified name: it ${problem}`;
  // Names under kubernetes.io are native resources the server leaves to the kubelet.
  if (name.includes("kubernetes.io/")) return undefined;
  if (name.startsWith("requests.")) return "starts with \"requests.\", which only ResourceQuota uses";
  return undefined;
}

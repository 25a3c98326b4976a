import type { Spec } from "./spec.js";

/**
 * Go package (without its version segment) -> Kubernetes API group. A table rather than a guess
 * from the package name, because `rbac` serves `rbac.authorization.k8s.io` and names must not
 * change when a package gains or loses kinds between releases. `null` means bare names.
 */
const PACKAGE_GROUPS: Readonly<Record<string, string | null>> = {
  "io.k8s.api.core": null,
  "io.k8s.apimachinery.pkg.apis.meta": null,
  "io.k8s.apimachinery.pkg.api.resource": null,
  "io.k8s.apimachinery.pkg.util.intstr": null,
  "io.k8s.apimachinery.pkg.runtime": null,
  "io.k8s.apimachinery.pkg.version": null,
  "io.k8s.api.admissionregistration": "admissionregistration.k8s.io",
  "io.k8s.api.apiserverinternal": "internal.apiserver.k8s.io",
  "io.k8s.api.apps": "apps",
  "io.k8s.api.authentication": "authentication.k8s.io",
  "io.k8s.api.authorization": "authorization.k8s.io",
  "io.k8s.api.autoscaling": "autoscaling",
  "io.k8s.api.batch": "batch",
  "io.k8s.api.certificates": "certificates.k8s.io",
  "io.k8s.api.coordination": "coordination.k8s.io",
  "io.k8s.api.discovery": "discovery.k8s.io",
  "io.k8s.api.events": "events.k8s.io",
  "io.k8s.api.extensions": "extensions",
  "io.k8s.api.flowcontrol": "flowcontrol.apiserver.k8s.io",
  "io.k8s.api.networking": "networking.k8s.io",
  "io.k8s.api.node": "node.k8s.io",
  "io.k8s.api.policy": "policy",
  "io.k8s.api.rbac": "rbac.authorization.k8s.io",
  "io.k8s.api.resource": "resource.k8s.io",
  "io.k8s.api.scheduling": "scheduling.k8s.io",
  "io.k8s.api.storage": "storage.k8s.io",
  "io.k8s.api.storagemigration": "storagemigration.k8s.io",
  "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions": "apiextensions.k8s.io",
  "io.k8s.kube-aggregator.pkg.apis.apiregistration": "apiregistration.k8s.io",
};

const VERSION_SEGMENT = /^v\d+((alpha|beta)\d+)?$/;

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `apps` + `v1` -> `AppsV1`; `rbac.authorization.k8s.io` + `v1` -> `RbacAuthorizationV1`. */
export function groupVersionPrefix(group: string, version: string): string {
  const words = group.replace(/\.k8s\.io$/, "").split(/[.-]/);
  return words.map(upperFirst).join("") + upperFirst(version);
}

/** The short name of one definition, used in schema.json, kinds.json and types.ts. */
export function shortName(definition: string): string {
  const segments = definition.split(".");
  const typeName = segments[segments.length - 1]!;
  const rest = segments.slice(0, -1);
  const version = VERSION_SEGMENT.test(rest[rest.length - 1] ?? "") ? rest.pop()! : undefined;
  const pkg = rest.join(".");
  if (!(pkg in PACKAGE_GROUPS)) throw new Error(`schema generator: no naming rule for package ${pkg} (definition ${definition}); add it to PACKAGE_GROUPS`);
  const group = PACKAGE_GROUPS[pkg];
  if (group === null) return typeName;
  if (group === undefined) throw new Error(`schema generator: no naming rule for package ${pkg}`);
  if (!version) throw new Error(`schema generator: definition ${definition} has no version segment`);
  return groupVersionPrefix(group, version) + typeName;
}

/**
 * Short names for every definition of a spec. Fails loudly on a collision, or when a definition's
 * GVK disagrees with the package table (which would make a prefix lie about the group).
 */
export function nameDefinitions(spec: Spec): Map<string, string> {
  const names = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const definition of Object.keys(spec.definitions)) {
    const name = shortName(definition);
    const previous = owners.get(name);
    if (previous) throw new Error(`schema generator: name collision: ${previous} and ${definition} both map to ${name}`);
    owners.set(name, definition);
    names.set(definition, name);
    const gvks = spec.definitions[definition]!["x-kubernetes-group-version-kind"] ?? [];
    if (gvks.length === 1) {
      const segments = definition.split(".");
      const pkg = segments.slice(0, -2).join(".");
      const expected = PACKAGE_GROUPS[pkg];
      const actual = gvks[0]!.group;
      if (expected !== undefined && expected !== null && expected !== actual) {
        throw new Error(`schema generator: ${definition} serves group "${actual}" but PACKAGE_GROUPS says "${expected}"`);
      }
    }
  }
  return names;
}

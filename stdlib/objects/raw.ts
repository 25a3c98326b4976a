import type { KnownObject } from "tkc/k8s";
import type { KnownCustomResource } from "tkc/crds";
import { defineComponent, type Component } from "../core/component.js";
import { resolveDeep, type PerEnvironment, type PerEnv } from "../core/per-environment.js";
import { captureOrigin } from "../core/origin.js";

/**
 * The custom resources of the project's own CRDs, by `apiVersion/kind`. Empty here: each file
 * `tkc import crd` writes adds its kinds to it (`declare module "tkc"`), so `raw()` takes them.
 */
export interface ImportedCustomResources {}

/** Every object kind a bundle may hold (lists are flattened by kubectl, so not offered here). */
export type RawObject = Exclude<KnownObject | KnownCustomResource | ImportedCustomResources[keyof ImportedCustomResources], { kind: `${string}List` }>;

// Two overloads rather than one `PerEnvironment<RawObject>` parameter: checking an object literal against the
// ~200-kind union alone is about twice as fast for TypeScript as against the union plus PerEnv.
/**
 * Any Kubernetes object, chosen per environment: `raw(forEnv((environment) => ({ ... })))`.
 * Namespaced kinds get the environment's namespace unless they set one.
 */
export function raw(object: PerEnv<RawObject>): Component;
// Listed last so that TypeScript reports a mistake against the object's own kind.
/**
 * Any Kubernetes object, typed by its apiVersion and kind (the escape hatch for what no helper
 * covers): a built-in kind, a built-in custom resource, or one of a CRD the project imported.
 * Namespaced kinds get the environment's namespace unless they set one.
 */
export function raw(object: RawObject): Component;
export function raw(object: PerEnvironment<RawObject>): Component {
  const origin = captureOrigin();
  const name = typeof object === "object" && object !== null && "metadata" in object ? String((object.metadata as { name?: string } | undefined)?.name ?? "") : "";
  return defineComponent({
    type: "raw",
    name,
    origin,
    expand(context) {
      return [{ object: resolveDeep(object, context.environment) as RawObject, origin, fields: [[[], []]] }];
    },
  });
}

/** An object of a kind tkc has no types for: custom resources whose CRD types are not imported. */
export interface UncheckedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly [field: string]: unknown;
}

/**
 * Any object, without compile-time types (for custom resources before `tkc import crd`).
 * It is still validated against the target version's schema when its kind is a built-in one.
 */
export function unchecked(object: PerEnvironment<UncheckedObject>): Component {
  const origin = captureOrigin();
  const name = typeof object === "object" && object !== null && "metadata" in object ? String((object as UncheckedObject).metadata?.name ?? "") : "";
  return defineComponent({
    type: "unchecked",
    name,
    origin,
    expand(context) {
      return [{ object: resolveDeep(object, context.environment) as UncheckedObject, origin, fields: [[[], []]] }];
    },
  });
}

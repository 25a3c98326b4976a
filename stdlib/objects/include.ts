import type { PodSpec } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type ExpandContext, type ObjectDraft } from "../core/component.js";
import { renderedObjects, type DependencyRequest } from "../core/dependencies.js";
import { resolveDeep, type PerEnvironment } from "../core/per-environment.js";
import { fail } from "../core/errors.js";
import { atArgument, atProperty, captureOrigin, type SourceLocation } from "../core/origin.js";
import { checkCall, failedValue } from "../core/report.js";
import { shownJson, shownText } from "../core/shown.js";
import type { RawObject } from "./raw.js";

const PATCH = Symbol.for("tkc.patch");

/** A typed change to some of the objects of an `include()`, `kustomization()` or `helmChart()`. */
export interface Patch {
  readonly [PATCH]: true;
  /** What it selects, for messages: `Deployment 'cert-manager'`, `every pod template`. */
  readonly selects: string;
  readonly origin: SourceLocation | undefined;
  /** Change `object` if the patch selects it; true when it did. */
  apply(object: Record<string, unknown>): boolean;
}

type Kind = RawObject["kind"];
type OfKind<K extends Kind> = Extract<RawObject, { kind: K }>;
/** Rendered objects are data, so a patch may change every field (the generated types are read-write). */
type Mutable<T> = T extends readonly (infer E)[] ? Mutable<E>[] : T extends object ? { -readonly [P in keyof T]: Mutable<T[P]> } : T;

/**
 * Change every object of `kind` (and `name`, when given): `patch("Deployment", "cert-manager",
 * (d) => { d.spec!.replicas = 2 })`. A patch that selects nothing is an error at its line.
 */
export function patch<K extends Kind>(kind: K, change: (object: Mutable<OfKind<K>>) => void): Patch;
export function patch<K extends Kind>(kind: K, name: string, change: (object: Mutable<OfKind<K>>) => void): Patch;
export function patch(kind: string, nameOrChange: string | ((object: never) => void), maybeChange?: (object: never) => void): Patch {
  const origin = captureOrigin();
  const name = typeof nameOrChange === "string" ? nameOrChange : undefined;
  const change = (typeof nameOrChange === "function" ? nameOrChange : maybeChange) as ((object: unknown) => void) | undefined;
  const usable = checkCall(origin, undefined, () => {
    if (typeof change !== "function") fail("TKC2302", `patch("${shownText(kind)}") needs a function that changes the object`, origin, 'write patch("Deployment", "name", (d) => { d.spec!.replicas = 2 })');
  });
  const made: Patch = Object.freeze({
    [PATCH]: true as const,
    selects: name === undefined ? `every ${shownText(kind)}` : `${shownText(kind)} '${name}'`,
    origin,
    apply(object: Record<string, unknown>) {
      const metadata = object.metadata as { name?: unknown } | undefined;
      if (object.kind !== kind || (name !== undefined && metadata?.name !== name)) return false;
      change!(object);
      return true;
    },
  });
  // A patch without its change sets aside the component that lists it (which never renders).
  return usable ? made : failedValue(made);
}

/** Where each workload kind keeps its pod spec. */
function podSpecOf(object: Record<string, unknown>): PodSpec | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== "object") return undefined;
  switch (object.kind) {
    case "Pod":
      return spec as unknown as PodSpec;
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "ReplicationController":
    case "Job":
      return (spec.template as { spec?: PodSpec } | undefined)?.spec;
    case "CronJob":
      return (spec as { jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } }).jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

/**
 * Change the pod spec of every workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob): `forEachPod((spec) => { spec.tolerations = [...] })`. The object is passed second.
 */
export function forEachPod(change: (spec: Mutable<PodSpec>, object: Mutable<RawObject>) => void): Patch {
  const origin = captureOrigin();
  const usable = checkCall(origin, undefined, () => {
    if (typeof change !== "function") fail("TKC2302", "forEachPod() needs a function that changes the pod spec", atArgument(origin, 0), "write forEachPod((spec) => { spec.tolerations = [...] })");
  });
  const made: Patch = Object.freeze({
    [PATCH]: true as const,
    selects: "a pod template",
    origin,
    apply(object: Record<string, unknown>) {
      const spec = podSpecOf(object);
      if (!spec) return false;
      change(spec as Mutable<PodSpec>, object as Mutable<RawObject>);
      return true;
    },
  });
  return usable ? made : failedValue(made);
}

/** The options object, or none for anything else a descriptor passed. */
function objectOr<T extends object>(options: T | undefined): T {
  return typeof options === "object" && options !== null ? options : ({} as T);
}

function isPatch(value: unknown): value is Patch {
  return typeof value === "object" && value !== null && PATCH in value;
}

export interface RenderedOptions {
  /** Typed changes, applied in order after the namespace policy. */
  readonly patches?: readonly Patch[];
}

export interface IncludeOptions extends RenderedOptions {
  /**
   * `keep` (the default): objects keep the namespace the file gives them. `environment`: every
   * object that names a namespace moves to the environment's. Either way a namespaced object that
   * names none goes to the environment's namespace, as with every object.
   */
  readonly namespace?: "keep" | "environment";
}

function checkPatches(patches: unknown, at: SourceLocation | undefined, call: string): readonly Patch[] {
  if (patches === undefined) return [];
  if (!Array.isArray(patches) || !patches.every(isPatch)) fail("TKC2302", `${call}: 'patches' must be a list of patch(...) or forEachPod(...)`, at, 'patches: [patch("Deployment", "name", (d) => { ... })]');
  return patches as readonly Patch[];
}

/**
 * A component whose objects the host renders: the same namespace policy, patches and errors for
 * all three. `usable`: whether the call's own checks passed; one that failed renders nothing.
 * `optionsArgument`: which argument of the call holds the options (`include(path, options)`: 1).
 */
function rendered(type: string, name: string, origin: SourceLocation | undefined, optionsArgument: number, options: { readonly namespace?: "keep" | "environment"; readonly patches?: readonly Patch[] }, request: (context: ExpandContext) => DependencyRequest, usable = true): Component {
  let patches: readonly Patch[] = [];
  const policy = options.namespace ?? "keep";
  const checked = checkCall(
    origin,
    options,
    () => {
      patches = checkPatches(options.patches, atArgument(origin, optionsArgument, ["patches"]), `${type}("${name}")`);
    },
    () => {
      if (policy !== "keep" && policy !== "environment") fail("TKC2302", `${type}("${name}"): namespace must be "keep" or "environment", not ${shownJson(policy)}`, atArgument(origin, optionsArgument, ["namespace"]), 'namespace: "environment" moves the objects into the environment\'s namespace');
    },
  );
  if (!usable || !checked) return rejectedComponent(type, name, origin);
  return defineComponent({
    type,
    name,
    origin,
    expand(context) {
      const objects = renderedObjects(request(context), origin);
      // Not rendered yet: this evaluation only collects what to render.
      if (objects === undefined) return [];
      const drafts: ObjectDraft[] = [];
      for (const object of objects as Record<string, unknown>[]) {
        const metadata = object.metadata as { namespace?: unknown } | undefined;
        if (policy === "environment" && metadata && metadata.namespace !== undefined) metadata.namespace = context.environment.namespace;
        drafts.push({ object: object as unknown as ObjectDraft["object"], origin });
      }
      for (const each of patches) {
        let selected = 0;
        for (const object of objects as Record<string, unknown>[]) if (each.apply(object)) selected++;
        if (selected === 0) fail("TKC2302", `this patch selects ${each.selects}, but ${type}("${name}") has none`, each.origin, `the ${type} renders ${summary(objects as Record<string, unknown>[])}`);
      }
      return drafts;
    },
  });
}

function summary(objects: readonly Record<string, unknown>[]): string {
  if (objects.length === 0) return "no objects";
  const shown = objects.slice(0, 6).map((o) => `${String(o.kind)} '${String((o.metadata as { name?: unknown } | undefined)?.name ?? "")}'`);
  return shown.join(", ") + (objects.length > shown.length ? ` and ${objects.length - shown.length} more` : "");
}

/**
 * Vendored manifests, e.g. an upstream release's YAML: `include("vendor/cert-manager.yaml", {
 * patches })`. The path is relative to the project folder and must stay inside it. The objects
 * are validated and ordered like tkc's own; the file's sha256 is recorded in bundle.json.
 */
export function include(path: string, options: IncludeOptions = {}): Component {
  const origin = captureOrigin();
  const usable = checkCall(origin, undefined, () => {
    if (typeof path !== "string" || path === "") fail("TKC2301", "include() needs the path of a YAML file in the project", atArgument(origin, 0), 'include("vendor/cert-manager.yaml")');
  });
  return rendered("include", usable ? path : "", origin, 1, objectOr(options), () => ({ kind: "file", path }), usable);
}

export interface KustomizationOptions extends IncludeOptions {
  /** The folder holding kustomization.yaml, relative to the project folder; an overlay per environment with `perEnv`. */
  readonly dir: PerEnvironment<string>;
}

/** A Kustomize base or overlay, rendered with `kubectl kustomize` (no network, no plugins). */
export function kustomization(options: KustomizationOptions): Component {
  const origin = captureOrigin();
  const hint = 'kustomization({ dir: "deploy/base" })';
  const given = objectOr(options);
  const usable = checkCall(origin, undefined, () => {
    if (given.dir === undefined || given.dir === "") fail("TKC2301", "kustomization() needs 'dir', the folder of a kustomization.yaml in the project", atProperty(origin, ["dir"]), hint);
  });
  const name = typeof given.dir === "string" ? given.dir : "per environment";
  return rendered("kustomization", name, origin, 0, given, (context) => {
    const dir = resolveDeep(options.dir, context.environment);
    if (typeof dir !== "string" || dir === "") fail("TKC2301", `kustomization(): 'dir' must be a folder in the project for environment '${context.environment.name}'`, atProperty(origin, ["dir"]), hint);
    return { kind: "kustomize", dir };
  }, usable);
}

/** Values override the chart's defaults (values.yaml), so every field is optional. */
export type DeepPartial<T> = T extends readonly (infer E)[] ? readonly E[] : T extends object ? { readonly [P in keyof T]?: DeepPartial<T[P]> } : T;

/**
 * `Values`: the chart's values type, e.g. generated from its values.schema.json with
 * json-schema-to-typescript (`npx json2ts -i values.schema.json -o values.ts`).
 */
export interface HelmChartOptions<Values = Record<string, unknown>> extends RenderedOptions {
  /** A chart folder or .tgz in the project (`./vendor/charts/redis`), or `oci://registry/charts/redis`. */
  readonly chart: string;
  /** Required for an `oci://` chart; for a local chart, checked against Chart.yaml when given. */
  readonly version?: string;
  /** The chart's values (`helm template --values`); per environment with `forEnv`. */
  readonly values?: PerEnvironment<DeepPartial<Values>>;
  /** `--namespace`: the environment's namespace by default. */
  readonly namespace?: string;
  /** The release name the templates see: the chart's folder name by default. */
  readonly releaseName?: string;
}

/**
 * A Helm chart rendered by a real `helm template` (on PATH, or TKC_HELM). Its objects are then
 * validated, patched and emitted like tkc's own; the chart's digest, the values and Helm's
 * version are recorded in bundle.json.
 */
export function helmChart<Values = Record<string, unknown>>(options: HelmChartOptions<Values>): Component {
  const origin = captureOrigin();
  const given = objectOr(options);
  const usable = checkCall(origin, undefined, () => {
    if (typeof given.chart !== "string" || given.chart === "") fail("TKC2301", "helmChart() needs 'chart': a chart folder in the project or an oci:// reference", atProperty(origin, ["chart"]), 'helmChart({ chart: "./vendor/charts/redis", values: {...} })');
  });
  if (!usable) return rendered("helmChart", "", origin, 0, { patches: given.patches }, () => ({ kind: "file", path: "" }), false);
  const base = options.chart.replace(/\/+$/, "").split("/").pop()!.replace(/\.tgz$/, "").replace(/-\d+\.\d+\.\d+.*$/, "");
  const releaseName = options.releaseName ?? base;
  return rendered("helmChart", options.chart, origin, 0, { patches: options.patches }, (context) => ({
    kind: "helm",
    chart: options.chart,
    ...(options.version !== undefined ? { version: String(options.version) } : {}),
    values: resolveDeep(options.values ?? {}, context.environment) as unknown,
    namespace: options.namespace ?? context.environment.namespace,
    releaseName,
  }));
}

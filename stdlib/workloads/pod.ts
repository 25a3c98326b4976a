import type { Container, ContainerPort, PodSpec, PodTemplateSpec, Volume, VolumeMount } from "tkc/k8s";
import type { ExpandContext, FieldMapping, ObjectDraft } from "../core/component.js";
import { resolve, resolveDeep } from "../core/per-environment.js";
import { toEnvVars, type EnvVarValue } from "../core/env-vars.js";
import { fail } from "../core/errors.js";
import { guarded, report } from "../core/report.js";
import { selectorLabels } from "../core/labels.js";
import { compact, mergeOverride } from "../core/merge.js";
import { atProperty, type SourceLocation } from "../core/origin.js";
import type { SetBy, TemplatePart, WorkloadBuild, WorkloadKind } from "../core/pattern.js";
import { containerSecurityContext, podSecurityContext } from "../core/security.js";
import type { PortOption, WorkloadOptions } from "./options.js";

/** Ports of a workload, from `port` or `ports` (never both). */
export function portsOf(options: WorkloadOptions, origin: SourceLocation | undefined): readonly PortOption[] {
  if (options.port && options.ports) {
    fail("TKC2102", `workload '${options.name}' sets both 'port' and 'ports'`, atProperty(origin, ["ports"]), "keep one: 'port' for a single port, 'ports' for several");
  }
  return options.ports ?? (options.port ? [options.port] : []);
}

/** Check options that do not depend on the environment, when the user calls the workload function. */
export function checkWorkloadOptions(options: WorkloadOptions, origin: SourceLocation | undefined): void {
  if (typeof options.name !== "string" || options.name === "") {
    report.error("TKC2103", "a workload needs a non-empty 'name'", atProperty(origin, ["name"]), { hint: "add name: \"my-app\"" });
  }
  portsOf(options, origin);
}

/** Volume name for a writable path: `/var/cache/nginx` -> `var-cache-nginx`. */
function volumeNameForPath(path: string): string {
  const name = path.replace(/^\/+|\/+$/g, "").replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  return `tmp-${name || "root"}`.slice(0, 63).replace(/-+$/, "");
}

/** The generated main container and pod, before patterns and overrides. */
export function startBuild(type: WorkloadKind, options: WorkloadOptions, context: ExpandContext, origin: SourceLocation | undefined, replicas?: number): WorkloadBuild {
  const environment = context.environment;
  const profile = options.security ?? "restricted";
  const ports: ContainerPort[] = portsOf(options, origin).map((p) =>
    compact({ name: p.name, containerPort: p.containerPort, protocol: p.protocol ?? "TCP" }),
  );
  const envVars: Record<string, EnvVarValue> = {};
  for (const [key, value] of Object.entries(options.env ?? {})) envVars[key] = resolve(value, environment);
  const writable = options.writablePaths ?? [];
  const mounts: VolumeMount[] = writable.map((path) => ({ name: volumeNameForPath(path), mountPath: path }));
  const volumes: Volume[] = writable.map((path) => ({ name: volumeNameForPath(path), emptyDir: {} }));

  // The main container's fields from the options, each with the option that sets it (and where,
  // if not at the field itself): the container and its field origins are made from this one list.
  const fromOptions: readonly (readonly [field: keyof Container, value: unknown, option: Path, at?: Path])[] = [
    ["name", options.name, ["name"]],
    ["image", resolve(options.image, environment), ["image"]],
    ["command", options.command ? [...resolve(options.command, environment)] : undefined, ["command"]],
    ["args", options.args ? [...resolve(options.args, environment)] : undefined, ["args"]],
    ["ports", ports.length > 0 ? ports : undefined, options.ports ? ["ports"] : ["port"], options.ports ? undefined : ["ports", 0]],
    ["env", Object.keys(envVars).length > 0 ? toEnvVars(envVars) : undefined, ["env"]],
    ["resources", options.resources ? resolveDeep(resolve(options.resources, environment), environment) : undefined, ["resources"]],
    ["livenessProbe", options.liveness ? resolveDeep(options.liveness, environment) : undefined, ["liveness"]],
    ["readinessProbe", options.readiness ? resolveDeep(options.readiness, environment) : undefined, ["readiness"]],
    ["startupProbe", options.startup ? resolveDeep(options.startup, environment) : undefined, ["startup"]],
  ];
  const container: Container = compact({
    ...Object.fromEntries(fromOptions.map(([field, value]) => [field, value])),
    securityContext: containerSecurityContext(profile),
    volumeMounts: mounts.length > 0 ? mounts : undefined,
  }) as Container;
  const main: Path = ["spec", "containers", 0];
  const optionFields: FieldMapping[] = [
    ...fromOptions.filter(([, value]) => value !== undefined).map(([field, , option, at]): FieldMapping => [[...main, ...(at ?? [field])], option]),
    // each variable from its key in `env`
    ...Object.keys(envVars).map((key, index): FieldMapping => [[...main, "env", index], ["env", key]]),
    // each writable path's mount and emptyDir from its item
    ...writable.flatMap((_, index): FieldMapping[] => [[[...main, "volumeMounts", index], ["writablePaths", index]], [["spec", "volumes", index], ["writablePaths", index]]]),
    ...(options.serviceAccountName !== undefined ? [[["spec", "serviceAccountName"], ["serviceAccountName"]] as FieldMapping] : []),
  ];

  const pod: PodSpec = compact({
    serviceAccountName: options.serviceAccountName,
    securityContext: podSecurityContext(profile),
    volumes: volumes.length > 0 ? volumes : undefined,
    containers: [],
  }) as PodSpec;

  const selector = selectorLabels(options.name, context);
  const templateOrigins: { part: TemplatePart; set: SetBy }[] = [];
  const build: WorkloadBuild = {
    name: options.name,
    type,
    selector,
    podLabels: { ...selector },
    podAnnotations: { ...(options.podAnnotations ? resolve(options.podAnnotations, environment) : {}) },
    pod,
    container,
    ports: portsOf(options, origin),
    ...(replicas !== undefined ? { replicas } : {}),
    spec: {},
    workloadAnnotations: {},
    serviceSpec: {},
    serviceAnnotations: {},
    extraObjects: [] as ObjectDraft[],
    afterPatterns: [],
    addContainer(added, set) {
      const list = set.init ? "initContainers" : "containers";
      build.pod[list] = [...(build.pod[list] ?? []), added];
      templateOrigins.push({ part: { list, name: added.name }, set });
    },
    recordOrigin(part, set) {
      templateOrigins.push({ part, set });
    },
    templateOrigins,
    templateFields: [],
    optionFields: [...optionFields, [["metadata", "labels", NAME_LABEL], ["name"]]],
    objectFields: { workload: [...nameLabelFields(options, ["spec", "selector", "matchLabels"])], service: [...nameLabelFields(options, ["spec", "selector"])] },
  };
  return build;
}

const NAME_LABEL = "app.kubernetes.io/name";

/**
 * The name label that selects the pods comes from the `name` option: in the selector, and in the
 * object's own labels unless the user's `labels` set it (a 70-character name is a valid object
 * name but not a valid label value, and the mistake is in `name`).
 */
function nameLabelFields(options: WorkloadOptions, selector: Path): FieldMapping[] {
  const own = options.labels !== undefined && Object.hasOwn(options.labels, NAME_LABEL);
  return [[[...selector, NAME_LABEL], ["name"]], ...(own ? [] : [[["metadata", "labels", NAME_LABEL], ["name"]] as FieldMapping])];
}

/** Apply patterns and the user's typed overrides, then assemble the pod template. */
export function finishBuild(build: WorkloadBuild, options: WorkloadOptions, context: ExpandContext): PodTemplateSpec {
  for (const pattern of options.patterns ?? []) {
    const before = [templateView(build), objectView(build, "workload"), objectView(build, "service")] as const;
    pattern.apply(build, context);
    recordChanges(build, before[0], templateView(build), [], pattern.origin, "template");
    recordChanges(build, before[1], objectView(build, "workload"), [], pattern.origin, "workload");
    recordChanges(build, before[2], objectView(build, "service"), [], pattern.origin, "service");
  }
  for (const check of build.afterPatterns) guarded(undefined, check);
  const container = mergeOverride(build.container, resolveDeep(options.container, context.environment));
  const base: PodSpec = { ...build.pod, containers: [container, ...build.pod.containers.filter((c) => c !== build.container)] };
  const spec = mergeOverride(base, resolveDeep(options.pod, context.environment));
  build.templateFields.push(...originFields(build, spec));
  const annotations = Object.keys(build.podAnnotations).length > 0 ? build.podAnnotations : undefined;
  return {
    metadata: compact({ labels: build.podLabels, annotations }),
    spec,
  };
}

/** Labels and annotations for the workload's own objects. */
export function workloadMetadata(options: WorkloadOptions, build: WorkloadBuild, name = options.name) {
  const annotations = { ...build.workloadAnnotations, ...(options.annotations ?? {}) };
  return compact({
    name,
    labels: { ...build.selector, ...(options.labels ?? {}) },
    annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
  });
}

/** Labels and annotations for the workload's Service. */
export function serviceMetadata(options: WorkloadOptions, build: WorkloadBuild) {
  const annotations = { ...build.serviceAnnotations };
  return compact({
    name: options.name,
    labels: { ...build.selector, ...(options.labels ?? {}) },
    annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
  });
}

/** The generated workload spec with what patterns added (patterns may not replace the template). */
export function withPatternSpec<T extends object>(spec: T, build: WorkloadBuild): T {
  const merged = mergeOverride(spec, build.spec) as T & { replicas?: unknown };
  if (build.replicasManagedBy === undefined) return merged;
  const { replicas: _managed, ...rest } = merged;
  return rest as T;
}

type Path = readonly (string | number)[];

/** The pod template as it would be emitted now (the main container first), to see what a pattern changed. */
function templateView(build: WorkloadBuild): unknown {
  const containers = [build.container, ...build.pod.containers.filter((c) => c !== build.container)];
  return JSON.parse(JSON.stringify({ metadata: { labels: build.podLabels, annotations: build.podAnnotations }, spec: { ...build.pod, containers } }));
}

/**
 * Record the pattern at `origin` as the setter of every part of the template it added or changed
 * (the root of each new subtree), so that what no option of the workload wrote points at the
 * pattern's call. What the pattern recorded more precisely itself (addContainer) still wins.
 */
function recordChanges(build: WorkloadBuild, before: unknown, after: unknown, path: (string | number)[], origin: SourceLocation | undefined, of: "template" | "workload" | "service"): void {
  if (origin === undefined || same(before, after)) return;
  const isTree = (value: unknown) => typeof value === "object" && value !== null;
  if (!isTree(before) || !isTree(after) || Array.isArray(before) !== Array.isArray(after)) {
    if (path.length > 0) build.recordOrigin({ path, of }, { origin });
    return;
  }
  for (const [key, value] of Object.entries(after as Record<string, unknown>)) {
    const segment = Array.isArray(after) ? Number(key) : key;
    recordChanges(build, (before as Record<string, unknown>)[key], value, [...path, segment], origin, of);
  }
}

/** What patterns change of the workload object and of its Service, in those objects' shape. */
function objectView(build: WorkloadBuild, of: "workload" | "service"): unknown {
  const [spec, annotations] = of === "workload" ? [build.spec, build.workloadAnnotations] : [build.serviceSpec, build.serviceAnnotations];
  return JSON.parse(JSON.stringify({ metadata: { annotations }, spec }));
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Where the recorded parts of the pod ended up in the final spec, as field mappings relative to the template. */
function originFields(build: WorkloadBuild, spec: PodSpec): FieldMapping[] {
  const out: FieldMapping[] = [];
  for (const { part, set } of build.templateOrigins) {
    let at: Path | undefined;
    if ("path" in part && part.of !== undefined && part.of !== "template") {
      build.objectFields[part.of].push([part.path, [], set.origin]);
      continue;
    }
    if ("path" in part) at = part.path;
    else {
      // by name: the user's `pod` override may have reordered or replaced the list
      const index = ((spec[part.list] ?? []) as readonly { readonly name?: string }[]).findIndex((item) => item.name === part.name);
      if (index >= 0) at = ["spec", part.list, index];
    }
    if (at === undefined) continue;
    out.push([at, [], set.origin]);
    for (const [inValue, option] of set.fields ?? []) out.push([[...at, ...inValue], option, set.origin]);
  }
  return out;
}

/**
 * Which option or call produced which part of a workload object (for exact error locations):
 * first what the patterns recorded setting (`build.templateFields`, which wins where as precise),
 * then the object's metadata and the `pod`/`container` overrides, then what the build recorded
 * setting from the workload's own options (`build.optionFields`), and the kind's `extra`.
 */
export function workloadFields(template: Path, extra: readonly FieldMapping[], build: WorkloadBuild): FieldMapping[] {
  const inTemplate = ([path, option, origin]: FieldMapping): FieldMapping => (origin === undefined ? [[...template, ...path], option] : [[...template, ...path], option, origin]);
  return [
    // first, so that they win over the options' mappings of the same part (the first of equals wins)
    ...build.templateFields.map(inTemplate),
    ...build.objectFields.workload,
    [["metadata", "name"], ["name"]],
    [["metadata", "labels"], ["labels"]],
    [["metadata", "annotations"], ["annotations"]],
    [[...template, "metadata", "annotations"], ["podAnnotations"]],
    [[...template, "spec"], ["pod"]],
    [[...template, "spec", "containers", 0], ["container"]],
    ...build.optionFields.map(inTemplate),
    ...extra,
  ];
}

/** The same for the Service in front of a workload (with what its patterns set first). */
export function serviceFields(options: WorkloadOptions, build?: WorkloadBuild): FieldMapping[] {
  return [
    ...(build?.objectFields.service ?? []),
    [["metadata", "name"], ["name"]],
    [["metadata", "labels"], ["labels"]],
    [["spec"], ["service"]],
    options.ports ? [["spec", "ports"], ["ports"]] : [["spec", "ports", 0], ["port"]],
  ];
}

import type { KubeObject, SourcedObject } from "../../model/object.js";
import type { JsonPath } from "../../model/path.js";
import { apiGroup } from "../../../syntax/index.js";
import { asArray, asRecord, asString, type Json, stringMap } from "./guards.js";

/** Where an object keeps its pod template, and the labels its pods get. */
export interface PodTemplate {
  /** Path of the PodSpec inside the object, e.g. `spec.template.spec`. */
  readonly specPath: JsonPath;
  readonly spec: Json;
  readonly labels: Readonly<Record<string, string>>;
  readonly labelsPath: JsonPath;
}

/** One object of the index, with the facts rules ask about most. */
export interface IndexedObject {
  readonly index: number;
  /** As written: its `object` is what the user wrote, and what locations point into. */
  readonly sourced: SourcedObject;
  /** What rules judge: the written object, after the server's defaulting when indexObjects was given it. */
  readonly object: KubeObject;
  readonly group: string;
  readonly kind: string;
  /** "" when the object names no namespace (it goes wherever the bundle is applied). */
  readonly namespace: string;
  readonly name: string | undefined;
  readonly podTemplate: PodTemplate | undefined;
}

/** The objects validated together (one environment, or one `tkc validate` run), indexed once for the rules that look across objects. */
export interface ObjectIndex {
  readonly objects: readonly IndexedObject[];
  /** Objects of one kind (and group, "" for core) in one namespace. */
  find(group: string, kind: string, namespace: string): readonly IndexedObject[];
  /** The first object of a kind with a name in a namespace (an index: references are checked per object). */
  findNamed(group: string, kind: string, namespace: string, name: string): IndexedObject | undefined;
  /** Objects with a pod template in one namespace. */
  workloadsIn(namespace: string): readonly IndexedObject[];
  /**
   * Workloads in a namespace whose pod labels contain every pair of `labels` (a map selector), found
   * through a label index: a Service or budget per workload would otherwise make this quadratic.
   */
  workloadsWithLabels(namespace: string, labels: Readonly<Record<string, string>>): readonly IndexedObject[];
  /** The first object with the same group/kind/namespace/name, if it comes before `target`. */
  earlierTwin(target: IndexedObject): IndexedObject | undefined;
}

const TEMPLATE_KINDS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ["apps", "extensions"],
  StatefulSet: ["apps"],
  DaemonSet: ["apps", "extensions"],
  ReplicaSet: ["apps", "extensions"],
  ReplicationController: [""],
  Job: ["batch"],
};

export function podTemplateOf(object: KubeObject, group: string): PodTemplate | undefined {
  const spec = asRecord(object.spec);
  if (!spec) return undefined;
  if (object.kind === "Pod" && group === "") {
    return { specPath: ["spec"], spec, labels: stringMap(asRecord(object.metadata)?.labels), labelsPath: ["metadata", "labels"] };
  }
  let templateHolder: Json | undefined;
  let base: JsonPath;
  if (object.kind === "CronJob" && group === "batch") {
    templateHolder = asRecord(asRecord(spec.jobTemplate)?.spec);
    base = ["spec", "jobTemplate", "spec", "template"];
  } else if (TEMPLATE_KINDS[object.kind]?.includes(group)) {
    templateHolder = spec;
    base = ["spec", "template"];
  } else {
    return undefined;
  }
  const template = asRecord(templateHolder?.template);
  const podSpec = asRecord(template?.spec);
  if (!template || !podSpec) return undefined;
  return {
    specPath: [...base, "spec"],
    spec: podSpec,
    labels: stringMap(asRecord(template.metadata)?.labels),
    labelsPath: [...base, "metadata", "labels"],
  };
}

export function indexObjects(sourcedObjects: readonly SourcedObject[], judged: (written: KubeObject) => KubeObject = (written) => written): ObjectIndex {
  const objects: IndexedObject[] = sourcedObjects.map((sourced, index) => {
    const object = judged((asRecord(sourced?.object) ?? {}) as KubeObject);
    const metadata = asRecord(object.metadata);
    const group = apiGroup(object.apiVersion);
    return {
      index,
      sourced,
      object,
      group,
      kind: asString(object.kind) ?? "",
      namespace: asString(metadata?.namespace) ?? "",
      name: asString(metadata?.name),
      podTemplate: podTemplateOf(object, group),
    };
  });
  const byKind = new Map<string, IndexedObject[]>();
  const workloads = new Map<string, IndexedObject[]>();
  const firstByIdentity = new Map<string, IndexedObject>();
  const byLabel = new Map<string, IndexedObject[]>();
  for (const entry of objects) {
    push(byKind, `${entry.group}\0${entry.kind}\0${entry.namespace}`, entry);
    if (entry.podTemplate) {
      push(workloads, entry.namespace, entry);
      for (const [key, value] of Object.entries(entry.podTemplate.labels)) push(byLabel, `${entry.namespace}\0${key}\0${value}`, entry);
    }
    if (entry.name !== undefined && entry.name !== "") {
      const identity = `${entry.group}\0${entry.kind}\0${entry.namespace}\0${entry.name}`;
      if (!firstByIdentity.has(identity)) firstByIdentity.set(identity, entry);
    }
  }
  return {
    objects,
    find: (group, kind, namespace) => byKind.get(`${group}\0${kind}\0${namespace}`) ?? [],
    findNamed: (group, kind, namespace, name) => firstByIdentity.get(`${group}\0${kind}\0${namespace}\0${name}`),
    workloadsIn: (namespace) => workloads.get(namespace) ?? [],
    workloadsWithLabels(namespace, labels) {
      const pairs = Object.entries(labels);
      if (pairs.length === 0) return workloads.get(namespace) ?? [];
      let smallest: readonly IndexedObject[] | undefined;
      for (const [key, value] of pairs) {
        const list = byLabel.get(`${namespace}\0${key}\0${value}`) ?? [];
        if (!smallest || list.length < smallest.length) smallest = list;
      }
      return smallest!.filter((w) => pairs.every(([key, value]) => w.podTemplate!.labels[key] === value));
    },
    earlierTwin(target) {
      if (target.name === undefined || target.name === "") return undefined;
      const first = firstByIdentity.get(`${target.group}\0${target.kind}\0${target.namespace}\0${target.name}`);
      return first && first.index < target.index ? first : undefined;
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every container of a pod spec, with its path and which list it is in. */
export interface ContainerRef {
  readonly container: Json;
  readonly path: JsonPath;
  readonly list: "containers" | "initContainers" | "ephemeralContainers";
}

export function containersOf(template: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of ["initContainers", "containers", "ephemeralContainers"] as const) {
    asArray(template.spec[list]).forEach((entry, i) => {
      const container = asRecord(entry);
      if (container) out.push({ container, path: [...template.specPath, list, i], list });
    });
  }
  return out;
}

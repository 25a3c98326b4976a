import type { ObjectIndex, IndexedObject } from "../object-index.js";
import type { Reporter } from "../report.js";

/** One family of semantic checks. `check` runs once per object; it reports and never throws. */
export interface SemanticRule {
  readonly name: string;
  /**
   * The kinds the rule looks at, as `kindKey` spells them ("Pod", "apps/Deployment"); the rule
   * runs only on those. Absent: every object (rules about metadata, or older rules that filter themselves).
   */
  readonly kinds?: readonly string[];
  check(target: IndexedObject, bundle: ObjectIndex, report: Reporter): void;
}

/** "Service" for the core group, "apps/Deployment" otherwise. */
export function kindKey(group: string, kind: string): string {
  return group === "" ? kind : `${group}/${kind}`;
}

/** Every kind that carries a pod spec (see podTemplateOf in bundle.ts). */
export const POD_KINDS: readonly string[] = [
  "Pod",
  "ReplicationController",
  "apps/Deployment",
  "apps/StatefulSet",
  "apps/DaemonSet",
  "apps/ReplicaSet",
  "extensions/Deployment",
  "extensions/DaemonSet",
  "extensions/ReplicaSet",
  "batch/Job",
  "batch/CronJob",
];

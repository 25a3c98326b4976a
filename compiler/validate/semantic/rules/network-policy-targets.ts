import { didYouMean } from "../../schema/suggest.js";
import type { ObjectIndex, IndexedObject } from "../object-index.js";
import { asArray, asRecord, show, stringMap } from "../guards.js";
import type { Reporter } from "../report.js";
import { isEmptySelector, selectorMismatch } from "../selectors.js";
import type { SemanticRule } from "./rule.js";

const NAME = "app.kubernetes.io/name";
const INSTANCE = "app.kubernetes.io/instance";

/**
 * TKC3340-3341: what a NetworkPolicy's selectors find in the bundle. A policy selecting no pod
 * is only a warning (its pods may come from elsewhere); a peer that tkc's own allowFrom() or
 * allowTo() wrote for a workload of the release, finding none, is a misspelt workload name.
 */
export const networkPolicyTargets: SemanticRule = {
  name: "network-policy-targets",
  kinds: ["networking.k8s.io/NetworkPolicy"],
  check(target, bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    if (!isEmptySelector(spec.podSelector) && selected(bundle, target.namespace, spec.podSelector).length === 0) {
      report.warning("TKC3340", ["spec", "podSelector"], `NetworkPolicy ${show(target.name)} selects no pod of the bundle${target.namespace ? ` in namespace ${show(target.namespace)}` : ""}, so it changes nothing here`, "check the podSelector labels against the workloads' pod labels");
    }
    if (stringMap(asRecord(target.object.metadata)?.labels)["app.kubernetes.io/managed-by"] === "tkc") checkReleasePeers(target, bundle, report);
  },
};

function selected(bundle: ObjectIndex, namespace: string, selector: unknown): readonly IndexedObject[] {
  const candidates = bundle.workloadsWithLabels(namespace, stringMap(asRecord(selector)?.matchLabels));
  return candidates.filter((w) => selectorMismatch(selector, w.podTemplate!.labels) === undefined);
}

/** Peers of the shape allowFrom()/allowTo() write for `workloads: [...]`: exactly name and instance labels. */
function checkReleasePeers(target: IndexedObject, bundle: ObjectIndex, report: Reporter): void {
  const spec = asRecord(target.object.spec) ?? {};
  for (const [direction, field, pattern] of [["ingress", "from", "allowFrom()"], ["egress", "to", "allowTo()"]] as const) {
    asArray(spec[direction]).forEach((rule, i) => {
      asArray(asRecord(rule)?.[field]).forEach((entry, j) => {
        const peer = asRecord(entry);
        const selector = asRecord(peer?.podSelector);
        if (!peer || !selector || Object.keys(peer).length !== 1 || selector.matchExpressions !== undefined) return;
        const labels = stringMap(selector.matchLabels);
        const keys = Object.keys(labels).sort();
        if (keys.length !== 2 || keys[0] !== INSTANCE || keys[1] !== NAME) return;
        if (selected(bundle, target.namespace, selector).length > 0) return;
        const workload = labels[NAME]!;
        // Suggest the release's workloads, not its migration Jobs (allowFrom() admits those itself).
        const names = bundle
          .workloadsIn(target.namespace)
          .filter((w) => w.podTemplate!.labels[INSTANCE] === labels[INSTANCE] && w.podTemplate!.labels["app.kubernetes.io/component"] !== "migration")
          .map((w) => w.podTemplate!.labels[NAME])
          .filter((n): n is string => n !== undefined);
        const guess = didYouMean(workload, [...new Set(names)]);
        const hint = guess ? `did you mean ${show(guess)}?` : names.length > 0 ? `name a workload of the release: ${[...new Set(names)].map((n) => show(n)).join(", ")}` : "add the workload to the release, or remove it from the list";
        report.error("TKC3341", ["spec", direction, i, field, j], `${pattern} names workload ${show(workload)}, which is not in the release${target.namespace ? ` (namespace ${show(target.namespace)})` : ""}, so the policy allows no one`, hint);
      });
    });
  }
}

import { asRecord, isInteger, show } from "../guards.js";
import type { SemanticRule } from "./rule.js";

/** A StatefulSet's revisions are named `<name>-<hash>`, the hash up to 10 characters long. */
const REVISION_HASH_LENGTH = 11;

/**
 * TKC3420-3421: workload settings that fail only once defaults are filled in, or that the API
 * server accepts but the controller then cannot act on.
 */
export const workloadLimits: SemanticRule = {
  name: "workload-limits",
  kinds: ["apps/DaemonSet", "extensions/DaemonSet", "apps/StatefulSet"],
  check(target, _bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    if (target.kind === "DaemonSet") {
      // Mirrors ValidateRollingUpdateDaemonSet in pkg/apis/apps/validation/validation.go: a
      // DaemonSet either surges or takes pods down, never both; maxUnavailable defaults to 1.
      const rolling = asRecord(asRecord(spec.updateStrategy)?.rollingUpdate);
      if (!rolling || isZero(rolling.maxSurge) || isZero(rolling.maxUnavailable)) return;
      const written = asRecord(asRecord(asRecord(asRecord(target.sourced.object)?.spec)?.updateStrategy)?.rollingUpdate)?.maxUnavailable;
      const unavailable = written === undefined || written === null ? `${show(rolling.maxUnavailable)} (the default)` : show(rolling.maxUnavailable);
      report.error("TKC3420", ["spec", "updateStrategy", "rollingUpdate", "maxSurge"], `maxSurge ${show(rolling.maxSurge)} may not be set when maxUnavailable is ${unavailable}: a DaemonSet either surges or takes pods down`, "set maxUnavailable: 0 to roll by surging, or remove maxSurge");
      return;
    }
    // The controller labels every pod controller-revision-hash=<name>-<hash>: a label value of at
    // most 63 characters. The server accepts longer names (pkg/apis/apps/validation checks only
    // the DNS label), but the controller's pod creation then fails.
    const name = target.name;
    if (name !== undefined && name.length > 63 - REVISION_HASH_LENGTH && name.length <= 63) {
      report.error("TKC3421", ["metadata", "name"], `StatefulSet name ${show(name)} has ${name.length} characters, so its pods' controller-revision-hash label would exceed 63`, `the API server accepts it but no pod is ever created: shorten the name to at most ${63 - REVISION_HASH_LENGTH} characters`);
    }
    const start = asRecord(spec.ordinals)?.start;
    if (isInteger(start) && start < 0) {
      report.error("TKC3404", ["spec", "ordinals", "start"], `ordinals.start is ${start}; it must be an integer >= 0`, "start ordinals at 0 or more");
    }
  },
};

/** getIntOrPercentValue(...) == 0: unset, 0 or "0%". */
function isZero(value: unknown): boolean {
  return value === undefined || value === null || value === 0 || value === "0%" || value === "0";
}

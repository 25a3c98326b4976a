import { definePattern } from "../../../core/pattern.js";
import { requireWorkloadType } from "../../../workloads/checks.js";

/**
 * Recreate: stop every old pod before starting new ones. For apps that cannot run two versions
 * at once (schema migrations on start, exclusive locks, ReadWriteOnce volumes); costs downtime.
 */
export const recreate = definePattern<void>({
  name: "recreate",
  apply(_options, build, _context, origin) {
    requireWorkloadType("TKC2232", "recreate", build, ["service", "worker"], origin);
    build.spec = { ...build.spec, strategy: { type: "Recreate" } };
  },
});

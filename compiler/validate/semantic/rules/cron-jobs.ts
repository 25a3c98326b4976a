import { cronScheduleProblem } from "../../../../syntax/index.js";
import { asRecord, isInteger, show } from "../guards.js";
import type { Reporter } from "../report.js";
import { checkJobSpec } from "./jobs.js";
import type { SemanticRule } from "./rule.js";

/** TKC3701-3705: CronJob schedule, time zone, deadlines, history, and its job template (concurrencyPolicy, TKC3704, is an enum of schemas/generator/enums.ts). */
export const cronJobs: SemanticRule = {
  name: "cron-jobs",
  kinds: ["batch/CronJob"],
  check(target, _bundle, report) {
    if (target.group !== "batch" || target.kind !== "CronJob") return;
    const spec = asRecord(target.object.spec) ?? {};
    const schedule = spec.schedule;
    if (typeof schedule !== "string") {
      report.error("TKC3701", ["spec", "schedule"], "CronJob has no spec.schedule", "set a 5-field schedule such as \"*/15 * * * *\"");
    } else if (schedule.includes("TZ")) {
      // The API server rejects any schedule containing "TZ" (CRON_TZ=... and TZ=... prefixes).
      report.error("TKC3702", ["spec", "schedule"], `schedule ${show(schedule)} sets a time zone with TZ or CRON_TZ, which Kubernetes rejects`, "use spec.timeZone, e.g. timeZone: \"Europe/Berlin\"");
    } else {
      const problem = cronScheduleProblem(schedule);
      if (problem) report.error("TKC3701", ["spec", "schedule"], `schedule ${show(schedule)} is not a valid cron expression: ${problem}`, "use minute hour day-of-month month day-of-week, e.g. \"30 2 * * MON-FRI\", or @daily/@hourly");
    }
    if (spec.timeZone !== undefined && spec.timeZone !== null) checkTimeZone(spec.timeZone, report);
    for (const field of ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) {
      const value = spec[field];
      if (value !== undefined && value !== null && (!isInteger(value) || value < 0)) {
        report.error("TKC3705", ["spec", field], `${field} is ${show(value)}; it must be an integer >= 0`, `set ${field} to 0 or more`);
      }
    }
    const jobSpec = asRecord(asRecord(spec.jobTemplate)?.spec);
    if (jobSpec) checkJobSpec(jobSpec, ["spec", "jobTemplate", "spec"], report);
  },
};

let zones: Map<string, string> | undefined;
/** Known IANA names, keyed by lowercase so a wrong-case name can be corrected in the hint. */
function knownZones(): Map<string, string> {
  if (!zones) {
    zones = new Map();
    for (const zone of [...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC", "GMT", "Etc/GMT"]) zones.set(zone.toLowerCase(), zone);
  }
  return zones;
}

function checkTimeZone(value: unknown, report: Reporter): void {
  const path = ["spec", "timeZone"];
  if (typeof value !== "string" || value === "" || value.toLowerCase() === "local") {
    report.error("TKC3703", path, `timeZone ${show(value)} is not an explicit IANA time zone`, "use a name such as \"Etc/UTC\" or \"America/New_York\"");
    return;
  }
  if (knownZones().has(value.toLowerCase()) && knownZones().get(value.toLowerCase()) === value) return;
  // Aliases such as "US/Eastern" are in tzdata but not in Intl's canonical list; Intl still accepts them.
  if (/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value) && !knownZones().has(value.toLowerCase()) && acceptedByIntl(value)) return;
  const suggestion = knownZones().get(value.toLowerCase());
  report.error("TKC3703", path, `timeZone ${show(value)} is not a known IANA time zone`, suggestion ? `time zone names are case-sensitive: use ${show(suggestion)}` : "use a name from the IANA database such as \"Europe/Berlin\" or \"Etc/UTC\"");
}

function acceptedByIntl(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

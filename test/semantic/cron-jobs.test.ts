import assert from "node:assert/strict";
import { test } from "node:test";
import { cronScheduleProblem } from "../../syntax/index.js";
import { expectDiagnostic, fullBundle, run, runAll } from "./fixtures.js";

test("cron schedules Kubernetes accepts", () => {
  for (const ok of ["* * * * *", "*/5 * * * *", "0 0 1 1 *", "0-59/15 0-23 1-31 1-12 0-6", "5/10 * * * *", "0 9 * JAN-mar mon,WED,fri", "0 0 ? * *", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@every 1h30m", "  0  3 * * *  "]) {
    assert.equal(cronScheduleProblem(ok), undefined, ok);
  }
});

test("cron schedules Kubernetes rejects", () => {
  const cases: [string, string][] = [
    ["* * * *", "expected 5 fields"],
    ["0 * * * * *", "found 6"],
    ["60 * * * *", "above the maximum 59"],
    ["0 24 * * *", "above the maximum 23"],
    ["0 0 0 * *", "below the minimum 1"],
    ["0 0 * 13 *", "above the maximum 12"],
    ["0 0 * * 7", "above the maximum 6"],
    ["0 0 * * MON-SUNDAY", '"SUNDAY" is not a number or a name'],
    ["0 0 * JAN-DEC MON#2", "is not a number or a name"],
    ["0 0 L * *", '"L" is not a number'],
    ["*/0 * * * *", "step of 0"],
    ["10-5 * * * *", "after its end"],
    ["0 0 * * FRI-MON", "after its end"],
    ["@reboot", "unknown descriptor"],
    ["@every 5 minutes", "not a duration"],
    ["", "empty"],
  ];
  for (const [schedule, why] of cases) {
    const problem = cronScheduleProblem(schedule);
    assert.ok(problem?.includes(why), `${JSON.stringify(schedule)}: expected "${why}", got ${problem}`);
  }
});

test("TKC3701: invalid schedule", () => {
  const { cron } = fullBundle();
  cron.spec.schedule = "0 25 * * *";
  expectDiagnostic(run([cron]), "TKC3701", "spec.schedule", 'hour field "25": 25 is above the maximum 23');
});

test("TKC3702: TZ in the schedule", () => {
  const { cron } = fullBundle();
  cron.spec.schedule = "CRON_TZ=Europe/Berlin 0 3 * * *";
  const hit = expectDiagnostic(run([cron]), "TKC3702", "spec.schedule", "TZ or CRON_TZ");
  assert.match(hit.hint ?? "", /spec\.timeZone/);
});

test("TKC3703: timeZone", () => {
  const { cron } = fullBundle();
  cron.spec.timeZone = "Mars/Olympus";
  expectDiagnostic(run([cron]), "TKC3703", "spec.timeZone", '"Mars/Olympus" is not a known IANA time zone');
  cron.spec.timeZone = "europe/berlin";
  const hit = expectDiagnostic(run([cron]), "TKC3703", "spec.timeZone", "not a known");
  assert.match(hit.hint ?? "", /Europe\/Berlin/);
  cron.spec.timeZone = "Local";
  expectDiagnostic(run([cron]), "TKC3703", "spec.timeZone", "not an explicit");
  for (const ok of ["UTC", "Etc/UTC", "America/New_York", "US/Eastern"]) {
    cron.spec.timeZone = ok;
    assert.deepEqual(run([cron]), [], ok);
  }
});

test("TKC3704/3705: concurrencyPolicy and counts", () => {
  const { cron } = fullBundle();
  cron.spec.concurrencyPolicy = "Skip";
  expectDiagnostic(runAll([cron]), "TKC3704", "spec.concurrencyPolicy", '"Skip"');
  const b = fullBundle();
  b.cron.spec.failedJobsHistoryLimit = -1;
  expectDiagnostic(run([b.cron]), "TKC3705", "spec.failedJobsHistoryLimit", "-1");
  const c = fullBundle();
  c.cron.spec.jobTemplate.spec.backoffLimit = -2;
  expectDiagnostic(run([c.cron]), "TKC3705", "spec.jobTemplate.spec.backoffLimit", "-2");
});

test("TKC3705-3707: Job fields", () => {
  const { job } = fullBundle();
  job.spec.parallelism = -1;
  expectDiagnostic(run([job]), "TKC3705", "spec.parallelism", "-1");
  const b = fullBundle();
  delete b.job.spec.completions;
  expectDiagnostic(run([b.job]), "TKC3706", "spec.completionMode", "Indexed requires spec.completions");
  const c = fullBundle();
  c.job.spec.activeDeadlineSeconds = 0;
  expectDiagnostic(run([c.job]), "TKC3707", "spec.activeDeadlineSeconds", "must be greater than 0");
  const d = fullBundle();
  d.job.spec.ttlSecondsAfterFinished = -5;
  expectDiagnostic(run([d.job]), "TKC3705", "spec.ttlSecondsAfterFinished", "-5");
});

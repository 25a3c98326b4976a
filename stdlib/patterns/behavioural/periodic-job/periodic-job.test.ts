import { test } from "node:test";
import assert from "node:assert/strict";
import { cronJob } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";


test("cronJob: the schedule is checked at the call", () => {
  assert.equal(failureCode(() => cronJob({ name: "c", image: "c:1", schedule: "61 * * * *" })), "TKC2260");
  assert.equal(failureCode(() => cronJob({ name: "c", image: "c:1", schedule: "TZ=UTC 0 3 * * *" })), "TKC2260");
  assert.equal(failureCode(() => cronJob({ name: "c", image: "c:1", schedule: "@daily", failedJobsHistoryLimit: -1 })), "TKC2261");
  assert.equal(find(expand(cronJob({ name: "c", image: "c:1", schedule: "@every 90s" })), "CronJob", "c").spec.schedule, "@every 90s");
});


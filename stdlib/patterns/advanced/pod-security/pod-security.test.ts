import { test } from "node:test";
import assert from "node:assert/strict";
import { podSecurity } from "../index.js";
import { assertFails } from "../../../../test/support/patterns/advanced.js";

test("podSecurity returns Pod Security Admission labels", () => {
  assert.deepEqual(podSecurity("baseline", { warn: "restricted", version: "v1.33" }), {
    "pod-security.kubernetes.io/enforce": "baseline",
    "pod-security.kubernetes.io/enforce-version": "v1.33",
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/audit-version": "v1.33",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/warn-version": "v1.33",
  });
  assertFails(() => podSecurity("strict" as never), "TKC2695");
  assertFails(() => podSecurity("restricted", { warn: "baseline" }), "TKC2695", /looser/);
  assertFails(() => podSecurity("restricted", { version: "1.33" }), "TKC2696");
});


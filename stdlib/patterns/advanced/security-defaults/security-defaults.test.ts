import { test } from "node:test";
import assert from "node:assert/strict";
import { service } from "../../../index.js";
import { relaxSecurity } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = { name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } };

test("relaxSecurity loosens single fields, keeps the rest and records the reason", () => {
  const objects = expand(service({ ...base, patterns: [relaxSecurity({ reason: "binds :80", addCapabilities: ["NET_BIND_SERVICE"], runAsUser: 101 })] }));
  const deployment = find(objects, "Deployment");
  const container = deployment.spec.template.spec.containers[0];
  assert.deepEqual(container.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } });
  assert.deepEqual(deployment.spec.template.spec.securityContext, { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" }, runAsUser: 101 });
  assert.equal(deployment.metadata.annotations?.["tkc.dev/security-exception"], "binds :80");
  assertFails(() => relaxSecurity({ reason: " ", writableRootFilesystem: true }), "TKC2690");
  assertFails(() => relaxSecurity({ reason: "x" }), "TKC2691");
  assertFails(() => relaxSecurity({ reason: "x", runAsUser: 0 }), "TKC2692");
  assertFails(() => relaxSecurity({ reason: "x", addCapabilities: ["CAP_NET_ADMIN"] }), "TKC2693");
  assertFails(() => expand(service({ ...base, security: "none", patterns: [relaxSecurity({ reason: "x", writableRootFilesystem: true })] })), "TKC2694");
});


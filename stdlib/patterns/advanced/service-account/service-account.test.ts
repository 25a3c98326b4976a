import { test } from "node:test";
import assert from "node:assert/strict";
import { service } from "../../../index.js";
import { serviceAccount } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = { name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } };

test("serviceAccount creates the account and runs the pods as it without a token", () => {
  const objects = expand(service({ ...base, patterns: [serviceAccount()] }));
  const account = find(objects, "ServiceAccount", "api");
  assert.equal(account.automountServiceAccountToken, false);
  const pod = find(objects, "Deployment").spec.template.spec;
  assert.equal(pod.serviceAccountName, "api");
  assert.equal(pod.automountServiceAccountToken, false);
  const withToken = find(expand(service({ ...base, patterns: [serviceAccount({ name: "api-sa", automountToken: true })] })), "Deployment").spec.template.spec;
  assert.equal(withToken.serviceAccountName, "api-sa");
  assert.equal(withToken.automountServiceAccountToken, true);
  assertFails(() => expand(service({ ...base, serviceAccountName: "other", patterns: [serviceAccount()] })), "TKC2660", /already runs as/);
  assertFails(() => serviceAccount({ name: "Bad_Name" }), "TKC2661");
});


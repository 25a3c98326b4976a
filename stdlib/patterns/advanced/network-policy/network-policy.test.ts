import { test } from "node:test";
import assert from "node:assert/strict";
import { service } from "../../../index.js";
import { allowFrom, allowTo, defaultDeny } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = { name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } };

test("defaultDeny and allowFrom/allowTo emit additive NetworkPolicies", () => {
  const deny = expand(defaultDeny({ egress: true }))[0]!;
  assert.deepEqual(deny.spec.podSelector, {});
  assert.deepEqual(deny.spec.policyTypes, ["Ingress", "Egress"]);
  assert.equal(deny.spec.egress[0].ports[0].port, 53);
  assert.equal(expand(defaultDeny())[0]!.spec.egress, undefined);
  const objects = expand(service({
    ...base,
    ports: [{ name: "http", containerPort: 8080 }, { name: "metrics", containerPort: 9090 }],
    port: undefined,
    patterns: [allowFrom({ workloads: ["web"], namespaces: ["monitoring"], ports: ["metrics"] }), allowTo({ cidrs: ["10.0.0.0/8"], ports: [5432] })],
  }));
  const from = find(objects, "NetworkPolicy", "api-from-web-ns-monitoring");
  assert.deepEqual(from.spec.ingress, [{
    from: [
      { podSelector: { matchLabels: { "app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "shop" } } },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
    ],
    ports: [{ port: 9090, protocol: "TCP" }],
  }]);
  assert.deepEqual(find(objects, "NetworkPolicy", "api-to-cidrs").spec.egress, [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }], ports: [{ port: 5432, protocol: "TCP" }] }]);
  assertFails(() => allowFrom({}), "TKC2680");
  assertFails(() => allowFrom({ workloads: ["Web"] }), "TKC2681");
  assertFails(() => expand(service({ ...base, patterns: [allowFrom({ workloads: ["web"], ports: ["grpc"] })] })), "TKC2682");
  assertFails(() => defaultDeny({ allowDns: false }), "TKC2683");
});


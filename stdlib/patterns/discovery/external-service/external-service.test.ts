import { test } from "node:test";
import assert from "node:assert/strict";
import { externalService, perEnv } from "../../../index.js";
import { expand, throwsCode } from "../../../../test/support/patterns/discovery.js";

test("externalService with addresses: a selector-less Service and a matching EndpointSlice", () => {
  const objects = expand(externalService({ name: "billing-db", addresses: perEnv({ dev: ["10.0.0.5"], prod: ["10.0.0.6", "10.0.0.7"] }), port: 5432 }), "prod");
  const svc = objects.get("Service/billing-db");
  assert.equal(svc.spec.selector, undefined);
  assert.deepEqual(svc.spec.ports, [{ name: "tcp-5432", port: 5432, protocol: "TCP" }]);
  const slice = objects.get("EndpointSlice/billing-db-external");
  assert.equal(slice.metadata.labels["kubernetes.io/service-name"], "billing-db");
  assert.equal(slice.addressType, "IPv4");
  assert.deepEqual(slice.endpoints.map((e: any) => e.addresses[0]), ["10.0.0.6", "10.0.0.7"]);
  assert.deepEqual(slice.ports, [{ name: "tcp-5432", port: 5432, protocol: "TCP" }]);
  assert.equal(expand(externalService({ name: "v6", addresses: ["2001:db8::1"], port: 80 })).get("EndpointSlice/v6-external").addressType, "IPv6");
});

test("externalService with externalName: an ExternalName Service", () => {
  const svc = expand(externalService({ name: "payments", externalName: "api.payments.example.com" })).get("Service/payments");
  assert.deepEqual(svc.spec, { type: "ExternalName", externalName: "api.payments.example.com" });
});

test("externalService checks", () => {
  throwsCode(() => externalService({ name: "db" }), "TKC2406", /neither/);
  throwsCode(() => externalService({ name: "db", addresses: ["10.0.0.1"] }), "TKC2406", /no port/);
  throwsCode(() => externalService({ name: "db", addresses: ["db.example.com"], port: 1 }), "TKC2407", /not an IP/);
  throwsCode(() => externalService({ name: "db", addresses: ["10.0.0.1", "2001:db8::1"], port: 1 }), "TKC2407", /mixes/);
  throwsCode(() => externalService({ name: "db", addresses: ["300.0.0.1"], port: 1 }), "TKC2407");
  throwsCode(() => externalService({ name: "db", externalName: "10.0.0.1" }), "TKC2407", /not a DNS name/);
  throwsCode(() => externalService({ name: "1db", externalName: "db.example.com" }), "TKC2406", /DNS-1035/);
  throwsCode(() => expand(externalService({ name: "db", externalName: perEnv({ dev: "Not A Host" }) })), "TKC2407", /environment 'dev'/);
});


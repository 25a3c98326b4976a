import { test } from "node:test";
import assert from "node:assert/strict";
import { applyDefaults } from "../../compiler/validate/schema/schema-defaults.js";
import { customSchemaChild } from "../../schemas/crds/index.js";

const schema = {
  type: "object",
  properties: {
    tier: { type: "string", default: "gold" },
    note: { type: ["string", "null"], default: "none" },
    limits: { type: "object", default: {}, properties: { cpu: { type: "string", default: "1" } } },
    ports: { type: "array", items: { type: "object", properties: { protocol: { type: "string", default: "TCP" } } } },
    labels: { type: "object", additionalProperties: { type: "object", properties: { weight: { type: "integer", default: 1 } } } },
  },
};

test("defaults as the API server applies them: absent fields, null where null is not allowed, inside defaults, list items and map values", () => {
  const written = { tier: null, note: null, ports: [{ name: "http" }, { protocol: "UDP" }], labels: { a: {} } };
  assert.deepEqual(applyDefaults(written, schema), {
    tier: "gold", // null in a field that does not take null: pruned, then defaulted
    note: null, // nullable: null stays
    limits: { cpu: "1" }, // the default, defaulted inside
    ports: [{ name: "http", protocol: "TCP" }, { protocol: "UDP" }],
    labels: { a: { weight: 1 } },
  });
  assert.deepEqual(written, { tier: null, note: null, ports: [{ name: "http" }, { protocol: "UDP" }], labels: { a: {} } }, "what was written is not changed");
  const once = applyDefaults({}, schema) as { limits: object };
  const twice = applyDefaults({}, schema) as { limits: object };
  assert.notEqual(once.limits, twice.limits, "each object gets its own copy of a default");
});

test("a field named after an Object.prototype member is looked up as the schema's own, not the prototype's", () => {
  assert.equal(customSchemaChild(schema, "constructor"), undefined, "no such property, and no map values");
  assert.deepEqual(customSchemaChild(schema.properties.labels, "toString"), schema.properties.labels.additionalProperties);
  assert.deepEqual(applyDefaults({ labels: { constructor: {} } }, schema), { tier: "gold", note: "none", limits: { cpu: "1" }, labels: { constructor: { weight: 1 } } });
});

test("a key named __proto__ stays an own key of the copy, not its prototype", () => {
  const written = JSON.parse('{"labels": {"__proto__": {}}}');
  const copy = applyDefaults(written, schema) as { labels: Record<string, unknown> };
  assert.deepEqual(Object.keys(copy.labels), ["__proto__"]);
  assert.equal(Object.getPrototypeOf(copy.labels), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(copy.labels, "__proto__")?.value, { weight: 1 });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import fc from "../support/fast-check.js";
import { repoRoot } from "../support/cli.js";
import { shareRepeatedSubschemas } from "../../compiler/validate/schema/shared-subschemas.js";
import { createCrdAjv } from "../../compiler/validate/schema/custom.js";
import type { SchemaNode } from "../../schemas/index.js";

// The CRD schemas ajv compiles at run time have their repeated subschemas shared through $ref
// (compile time: Argo CD's ApplicationSet ~1 s -> ~0.2 s). The checks below hold it to giving the
// same verdicts and the same errors as the schema as written, on the built-in CRDs nobody here
// wrote (schemas/crds, from the operators' own CRD files) and on objects made from them.

type Schema = Record<string, unknown>;
const crdDir = join(repoRoot, "schemas", "crds");
const builtinSchemas = readdirSync(crdDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((group) => readdirSync(join(crdDir, group.name)).filter((f) => f.endsWith(".schema.json")).map((f) => join(group.name, f)))
  .sort();
const load = (file: string) => JSON.parse(readFileSync(join(crdDir, file), "utf8")) as Schema;

/** What the messages read of an error: where, which rule, its params, and whether it is inside a combinator. */
const seen = (errors: readonly ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)} ${/\/(anyOf|oneOf|allOf|not)\/\d+\/|\/not\//.test(e.schemaPath)}`).sort();

/** A small seeded generator of objects shaped by a schema, some fields of the wrong type. */
function objectFor(schema: Schema, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const wrong = () => [42, "x", true, null, [], {}][Math.floor(next() * 6)];
  const make = (node: Schema | undefined, depth: number): unknown => {
    if (!node || depth > 9 || next() < 0.08) return wrong();
    if (Array.isArray(node["enum"])) return next() < 0.8 ? node["enum"][Math.floor(next() * node["enum"].length)] : "not-in-enum";
    const options = (node["oneOf"] ?? node["anyOf"]) as Schema[] | undefined;
    if (options && next() < 0.5) return make(options[Math.floor(next() * options.length)], depth + 1);
    switch (node["type"]) {
      case "object": {
        const properties = (node["properties"] ?? {}) as Record<string, Schema>;
        const out: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(properties)) if (next() < 0.45) out[name] = make(property, depth + 1);
        if (next() < 0.1) out["unknownField"] = "x";
        return out;
      }
      case "array":
        return Array.from({ length: Math.floor(next() * 3) }, () => make(node["items"] as Schema | undefined, depth + 1));
      case "string":
        return next() < 0.5 ? "" : "value";
      case "integer":
        return Math.floor(next() * 200) - 50;
      case "number":
        return next() * 10;
      case "boolean":
        return next() < 0.5;
      default:
        return next() < 0.5 ? "value" : { a: 1 };
    }
  };
  return make(schema, 0);
}

test("the built-in CRDs with repeated parts compile smaller, and give the same verdicts and errors on objects made from them", () => {
  let sharedSchemas = 0;
  for (const file of builtinSchemas) {
    const schema = load(file);
    const shared = shareRepeatedSubschemas(schema as SchemaNode) as unknown as Schema;
    if (shared === schema) continue;
    sharedSchemas++;
    assert.ok(JSON.stringify(shared).length < JSON.stringify(schema).length, `${file}: smaller`);
    const asWritten = createCrdAjv().compile(schema);
    const withShared = createCrdAjv().compile(shared);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const object = objectFor(schema, seed);
        const verdict = asWritten(object);
        const errors = seen(asWritten.errors);
        assert.equal(withShared(object), verdict, `${file}, seed ${seed}`);
        assert.deepEqual(seen(withShared.errors), errors, `${file}, seed ${seed}`);
      }),
      { numRuns: 60 },
    );
  }
  // Argo Rollouts, cert-manager Issuer, Gateway API routes, KEDA ScaledJob: pod templates, filters and solvers repeated.
  assert.ok(sharedSchemas >= 5, `schemas with shared parts: ${sharedSchemas}`);
});

test("only subschemas are shared: repeated values (enum, default, x-kubernetes-validations) stay as written, and nothing under anyOf/oneOf/allOf/not", () => {
  const big = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`field${i}`, { type: "string", description: "a field ".repeat(4) }]));
  const part = { type: "object", properties: big };
  const value = { ...big };
  const schema = {
    type: "object",
    properties: {
      a: part,
      b: part,
      // Equal values in subschemas that differ (their descriptions): the values stay where they are.
      c: { type: "object", description: "c", default: value, "x-kubernetes-validations": [{ rule: "true", message: JSON.stringify(value) }] },
      d: { type: "object", description: "d", default: value, "x-kubernetes-validations": [{ rule: "true", message: JSON.stringify(value) }] },
      e: { oneOf: [part, { type: "string" }] },
    },
  };
  const shared = shareRepeatedSubschemas(schema as unknown as SchemaNode) as unknown as { properties: Record<string, Schema>; definitions: Record<string, Schema> };
  const names = Object.keys(shared.definitions);
  assert.equal(names.length, 1, "one shared part");
  assert.deepEqual(shared.properties["a"], { $ref: `#/definitions/${names[0]}` });
  assert.deepEqual(shared.properties["b"], { $ref: `#/definitions/${names[0]}` });
  assert.deepEqual(shared.properties["c"], schema.properties.c, "values are not subschemas");
  assert.deepEqual(shared.properties["d"], schema.properties.d);
  // The oneOf's branch is identical to a and b, but stays written out: errors inside it keep their path.
  assert.deepEqual(shared.properties["e"], schema.properties.e);
});

test("a schema without repeated parts, or with definitions of its own, is returned as it is", () => {
  const plain = { type: "object", properties: { a: { type: "string" } } };
  assert.equal(shareRepeatedSubschemas(plain as unknown as SchemaNode), plain);
  const own = { type: "object", definitions: {}, properties: {} };
  assert.equal(shareRepeatedSubschemas(own as unknown as SchemaNode), own);
});

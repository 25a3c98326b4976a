// The hints added to TypeScript's own messages: given tsc's text as it prints it (`tkc build` runs
// them end to end in test/crd/import.test.ts), which get the raw() hint and which do not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tscHint } from "../../compiler/typecheck/hints.js";

test("raw() with an apiVersion no typed kind has: a hint, whatever group sorts first", () => {
  const literal = (first: string) => `Type '"example.org/v1"' is not assignable to type '"${first}" | "admissionregistration.k8s.io/v1" | "admissionregistration.k8s.io/v1alpha1" | ... 40 more ... | "v1"'.`;
  assert.match(tscHint("TS2769", literal("acme.io/v1"))!, /tkc import crd <file>/, "a project's imported group sorts before the built-ins");
  assert.match(tscHint("TS2769", literal("admissionregistration.k8s.io/v1beta2"))!, /unchecked\(\)/);
  const declared = "Argument of type '{ apiVersion: \"example.org/v1\"; kind: \"Gadget\"; }' is not assignable to parameter of type 'RawObject'.\n  Type '{ ... }' is not assignable to type 'StoragemigrationV1beta1StorageVersionMigration'.\n    Types of property 'apiVersion' are incompatible.";
  assert.ok(tscHint("TS2769", declared));
});

test("no hint where the apiVersion is not the point", () => {
  assert.equal(tscHint("TS2769", `Type '"Deploymnt"' is not assignable to type '"APIService" | "Binding" | "CSIDriver" | ... 82 more ... | "Workload"'. Did you mean '"Deployment"'?`), undefined);
  assert.equal(tscHint("TS2322", "Type 'string' is not assignable to type 'number'."), undefined);
  assert.equal(tscHint("TS2769", `Type '"Sometimes"' is not assignable to type '"Always" | "IfNotPresent" | "Never"'.`), undefined);
  assert.equal(tscHint("TS2304", `Type '"a/v1"' is not assignable to type '"b/v1" | "c/v1" | "v1"'.`), undefined, "only assignability errors");
});

test("Node's globals get the sealed-realm hint instead of tsc's @types/node advice; a name of the user's own does not", () => {
  assert.match(tscHint("TS2591", "Cannot find name 'process'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types field in your tsconfig.")!, /build input: .*--set tag=\$TAG/);
  assert.match(tscHint("TS2580", "Cannot find name 'require'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node`.")!, /without Node\.js's require/);
  assert.match(tscHint("TS2304", "Cannot find name 'setTimeout'.")!, /without Node\.js's setTimeout/);
  assert.equal(tscHint("TS2304", "Cannot find name 'processed'."), undefined);
  assert.equal(tscHint("TS2304", "Cannot find name 'replicas'."), undefined);
});

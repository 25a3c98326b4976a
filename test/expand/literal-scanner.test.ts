import assert from "node:assert/strict";
import { test } from "node:test";
import { offsetOf, propertyLocator } from "../../compiler/expand/literal-scanner.js";

// Where a report at an argument or an option of a call points (stdlib atProperty / atArgument),
// on calls written the ways descriptors write them.
const FILE = "/project/release.k8s.ts";
const locate = (text: string, path: readonly (string | number)[], argument?: number) => {
  const at = propertyLocator((file) => (file === FILE ? text : undefined));
  // The call is the first `(` after column 1 of line 1, as the realm's origins name it.
  const found = at({ file: FILE, line: 1, column: 1 }, path, argument);
  if (!found) return undefined;
  const offset = offsetOf(text, found.line, found.column);
  return { ...(found.line > 1 ? { line: found.line } : {}), column: found.column, text: text.slice(offset, offset + (found.length ?? 1)) };
};

test("arguments by position: each as written, strings with commas and nested calls included", () => {
  const call = `waitFor("db, primary", port(5432, "tcp"), { timeoutSeconds: 0 /* , */ })`;
  assert.deepEqual(locate(call, [], 0), { column: 9, text: `"db, primary"` });
  assert.deepEqual(locate(call, [], 1), { column: 24, text: `port(5432, "tcp")` });
  assert.deepEqual(locate(call, ["timeoutSeconds"], 2), { column: 45, text: "timeoutSeconds" });
  assert.equal(locate(call, [], 3), undefined, "no fourth argument");
  assert.equal(locate(call, ["timeoutSeconds"], 1), undefined, "the second argument is not an object literal");
});

test("a list as the first argument: items by index, and options inside them", () => {
  const call = "hostPathVolumes([\n  { name: \"logs\", hostPath: \"/var/log\" },\n  `proc-${x}`,\n])";
  assert.deepEqual(locate(call, [0, "hostPath"]), { line: 2, column: 19, text: "hostPath" });
  assert.deepEqual(locate(call, [1]), { line: 3, column: 3, text: "`proc-${x}`" });
});

test("an options object first (atProperty), and what is not written out", () => {
  const call = `service({ name: "api", ports: [{ name: "http" }, { name: "x" }], ...rest })`;
  assert.deepEqual(locate(call, ["ports", 1, "name"]), { column: 52, text: "name" });
  assert.equal(locate(call, ["image"]), undefined, "not written: the caller falls back to the call");
  assert.equal(locate(`service(options)`, ["name"]), undefined, "options in a variable");
  assert.deepEqual(locate(`service(options)`, [], 0), { column: 9, text: "options" });
});

test("a call the scanner cannot read gives no location rather than a wrong one", () => {
  assert.equal(locate(`waitFor("db", ]`, [], 1), undefined);
  assert.equal(locate(`noCallHere`, [], 0), undefined);
});

// A value per environment points at the entry of the environment being built (or `default`),
// and into it as far as it is written; without an environment, at the option as a whole.
test("perEnv values: the building environment's entry, else default, and what is written inside it", () => {
  const call = [
    "service({",
    "  replicas: perEnv({ dev: 1, prod: 3 }),",
    "  resources: perEnv({",
    "    dev: { requests: { cpu: \"100m\" }, limits: { cpu: \"50m\" } },",
    "    default: { requests: { cpu: \"1\" } },",
    "  }) as Resources,",
    "  image: \"x\",",
    "})",
  ].join("\n");
  const at = (environment: string | undefined, path: readonly (string | number)[]) => {
    const found = propertyLocator((file) => (file === FILE ? call : undefined), environment)({ file: FILE, line: 1, column: 1 }, path);
    if (!found) return undefined;
    const offset = offsetOf(call, found.line, found.column);
    return `${found.line}:${found.column} ${call.slice(offset, offset + (found.length ?? 1))}`;
  };
  assert.equal(at("dev", ["replicas"]), "2:22 dev");
  assert.equal(at("prod", ["replicas"]), "2:30 prod");
  assert.equal(at("staging", ["replicas"]), "2:3 replicas", "no entry and no default: the option");
  assert.equal(at("dev", ["resources", "limits", "cpu"]), "4:49 cpu");
  assert.equal(at("staging", ["resources", "requests", "cpu"]), "5:28 cpu", "default's entry");
  assert.equal(at("staging", ["resources", "limits", "cpu"]), "5:5 default", "as far as default writes it");
  assert.equal(at(undefined, ["resources", "limits", "cpu"]), "3:3 resources", "no environment: the option");
  assert.equal(at("dev", ["image"]), "7:3 image", "what follows a perEnv( call is read on");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { healthProbes, httpProbe, execProbe } from "../../stdlib/patterns/foundational/probes/probes.js";
import { sized } from "../../stdlib/patterns/foundational/resources/resources.js";
import { nginxAnnotations } from "../../stdlib/networking/ingress-annotations.js";
import { ingress } from "../../stdlib/networking/ingress.js";
import { service } from "../../stdlib/workloads/service.js";
import { perEnv } from "../../stdlib/core/per-environment.js";
import { release, isRelease } from "../../stdlib/core/release.js";
import { checkCall, holdsFailedValue, isFailedValue } from "../../stdlib/core/report.js";
import { shownJson, shownText } from "../../stdlib/core/shown.js";
import { fail } from "../../stdlib/core/errors.js";
import { reportsOf } from "../support/reports.js";
import { expandContext, type ExpandContext } from "../../stdlib/core/component.js";

const context: ExpandContext = expandContext({ name: "dev", namespace: "ns-dev", values: {} }, { name: "rel", version: "1.0.0" });
const codes = (run: () => unknown) => reportsOf(run).map((r) => r.code);
const port = { name: "http", containerPort: 8080 };

test("a probe builder reports each of its mistakes and returns a failed value", () => {
  let probe: unknown;
  assert.deepEqual(codes(() => (probe = httpProbe("ready", "", { periodSeconds: -1, timeoutSeconds: 0 }))), ["TKC2205", "TKC2204", "TKC2202", "TKC2202"]);
  assert.ok(isFailedValue(probe));
  let good: unknown;
  assert.deepEqual(codes(() => (good = execProbe(["true"]))), []);
  assert.ok(!isFailedValue(good));
});

test("what holds a failed value is failed too, and its workload emits nothing and reports nothing more", () => {
  let made: ReturnType<typeof service> | undefined;
  const reported = codes(() => {
    // the port name is wrong too, but the probe was rejected: no second report at expansion
    const readiness = perEnv({ dev: httpProbe("ready", "htp") });
    const probes = healthProbes({ readiness });
    assert.ok(isFailedValue(readiness) && isFailedValue(probes));
    made = service({ name: "api", image: "registry.example.com/api:1.0.0", port, patterns: [probes] });
  });
  assert.deepEqual(reported, ["TKC2205"]);
  assert.deepEqual(codes(() => assert.deepEqual(made!.expand(context), [])), []);
});

test("a rejected value helper sets aside the workload or ingress that uses it", () => {
  let api: ReturnType<typeof service> | undefined;
  let edge: ReturnType<typeof ingress> | undefined;
  const reported = codes(() => {
    api = service({ name: "api", image: "registry.example.com/api:1.0.0", port, resources: sized("huge" as "large") });
    edge = ingress({ name: "edge", className: "nginx", annotations: nginxAnnotations({ proxyBodySize: "8Mi", proxyReadTimeoutSeconds: 0 }), routes: [{ host: "a.example.com", service: "api", port: "http" }] });
  });
  assert.deepEqual(reported, ["TKC2220", "TKC2412", "TKC2412"]);
  assert.deepEqual(api!.expand(context), []);
  assert.deepEqual(edge!.expand(context), []);
});

test("release() reports each bad field and still returns a release, marked failed, with its components", () => {
  let made: ReturnType<typeof release> | undefined;
  const api = service({ name: "api", image: "registry.example.com/api:1.0.0", port });
  const reported = codes(() => (made = release({ name: "Shop", version: "1.0", environments: { history: { namespace: "x" } }, components: [api, "api" as never] })));
  assert.deepEqual(reported, ["TKC2110", "TKC2111", "TKC2112", "TKC2114"]);
  assert.ok(isRelease(made) && isFailedValue(made));
  assert.deepEqual(made!.components, [api]);
});

test("checkCall runs every check, even after one failed, and passes other throws on", () => {
  const ran: number[] = [];
  const reported = codes(() => {
    const usable = checkCall(undefined, undefined, () => ran.push(1), () => fail("TKC2900", "first", undefined), () => ran.push(3), () => fail("TKC2900", "second", undefined));
    assert.equal(usable, false);
  });
  assert.deepEqual(ran, [1, 3]);
  assert.deepEqual(reported, ["TKC2900", "TKC2900"]);
  assert.throws(() => checkCall(undefined, undefined, () => { throw new TypeError("a bug"); }), TypeError);
});

test("looking for failed values runs none of the user's code", () => {
  const trap = () => { throw new Error("user code ran"); };
  const getters = Object.defineProperty({}, "readiness", { get: trap, enumerable: true });
  const proxy = new Proxy({}, { ownKeys: trap, getOwnPropertyDescriptor: trap, get: trap });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const value of [getters, proxy, revoked, [proxy], { list: [getters, proxy] }, 5, "x", null, undefined]) assert.equal(holdsFailedValue(value), false);
});

test("user values in messages are shown without running their code, and cut when long", () => {
  const poison = { toString() { throw new Error("ran"); }, toJSON() { throw new Error("ran"); } };
  const { proxy: revoked, revoke } = Proxy.revocable([], {});
  revoke();
  assert.equal(shownText(poison), "an object");
  assert.equal(shownText(revoked), "an object");
  assert.equal(shownText([1]), "a list");
  assert.equal(shownText(Symbol("s")), "a symbol");
  assert.equal(shownText(NaN), "NaN");
  assert.equal(shownJson("ready"), '"ready"');
  assert.equal(shownJson("y".repeat(1000)), JSON.stringify(`${"y".repeat(80)}…`));
});

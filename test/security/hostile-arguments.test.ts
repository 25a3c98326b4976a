import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/cli.js";
import { errorLines, runHostile } from "./hostile.js";

// Red team, the calls that report a mistake and go on (probe builders, release(), value helpers):
// wrong types, values whose toString/toJSON/valueOf throw, a Proxy whose traps throw and huge
// strings each give a TKC error at the call; none of their code runs, nothing is an internal error.
test("hostile arguments to the reporting calls give TKC errors at each call, never an internal error", async () => {
  const dir = tempDir("tkc-red-team-");
  writeFileSync(
    join(dir, "release.k8s.ts"),
    [
      `import { execProbe, healthProbes, httpProbe, input, nginxAnnotations, patch, podSecurity, release, service, sized, tcpProbe } from "tkc";`,
      `const poison: any = { toString() { throw new Error("toString ran"); }, toJSON() { throw new Error("toJSON ran"); }, valueOf() { throw new Error("valueOf ran"); } };`,
      `const huge = "x".repeat(1_000_000);`,
      `const keysTrap: any = new Proxy({}, { ownKeys() { throw new Error("ownKeys ran"); }, getOwnPropertyDescriptor() { throw new Error("descriptor ran"); } });`,
      `const probes = [httpProbe(poison, poison, poison), execProbe(poison), tcpProbe(1e9), httpProbe(huge, "http")];`,
      `const values = [sized(poison), podSecurity(poison), nginxAnnotations({ proxyBodySize: poison, proxyReadTimeoutSeconds: poison }), patch(poison, 5 as any), input(poison, poison)];`,
      `const api = service({ name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 }, patterns: [healthProbes(keysTrap)] });`,
      `export default release({ name: poison, version: huge, environments: { dev: { namespace: poison } }, components: [api, poison] as any });`,
      "",
    ].join("\n"),
  );
  const result = await runHostile(["check", dir]);
  assert.equal(result.status, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /internal error|ran\b|\n\s+at .+:\d+:\d+\)/, "no internal error, and none of the hostile code ran");
  assert.deepEqual(errorLines(result, dir), [
    "release.k8s.ts:5:27 error TKC2205: httpProbe path an object does not start with '/'",
    "release.k8s.ts:5:35 error TKC2204: a probe needs a port name or number",
    "release.k8s.ts:5:62 error TKC2206: execProbe needs a command",
    "release.k8s.ts:5:80 error TKC2204: the probe port must be a whole number from 1 to 65535, got 1000000000",
    `release.k8s.ts:5:96 error TKC2205: httpProbe path "${"x".repeat(80)}…" does not start with '/'`,
    "release.k8s.ts:6:23 error TKC2220: unknown resource size 'an object'",
    "release.k8s.ts:6:44 error TKC2695: podSecurity() level 'an object' is not a Pod Security Standards level",
    "release.k8s.ts:6:72 error TKC2412: nginx proxyBodySize 'an object' is not an nginx size",
    "release.k8s.ts:6:95 error TKC2412: nginx proxyReadTimeoutSeconds must be a positive whole number, not an object",
    'release.k8s.ts:6:131 error TKC2302: patch("an object") needs a function that changes the object',
    'release.k8s.ts:6:156 error TKC2040: input name "an object" is not allowed',
    "release.k8s.ts:6:156 error TKC2040: input 'an object' has an unknown type",
    // the options' keys could not be listed: nothing there is taken for a rejected value
    "release.k8s.ts:7:133 error TKC2209: healthProbes() sets no probe",
    // release()'s mistakes at the option that holds each (atProperty), not at the call
    "release.k8s.ts:8:26 error TKC2110: release name 'an object' is not a DNS-1123 label of at most 53 characters",
    `release.k8s.ts:8:40 error TKC2111: release version '${"x".repeat(80)}…' is not a semantic version`,
    "release.k8s.ts:8:78 error TKC2113: environment 'dev' has namespace 'an object', which is not a DNS-1123 label",
    "release.k8s.ts:8:119 error TKC2114: components[1] of release 'an object' is not a component (got object)",
  ], result.stderr);
});

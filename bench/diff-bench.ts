/**
 * `tkc diff` on two large bundles (run by hand: `node --import tsx bench/diff-bench.ts [--n 500] [--runs 7]`).
 *
 * Writes two bundles of N services (Deployment with probes, resources and env; Service; a hashed
 * ConfigMap `svc-NNNN-config-<10 hex>`; HorizontalPodAutoscaler; PodDisruptionBudget: 5N+1
 * objects) through the same planBundle the compiler emits with, where 5% of the services differ
 * (new image tag, one env var more, new config content and so a renamed ConfigMap, more replicas).
 * Then times `node bin/tkc.cjs diff A B` (text format) and prints the median. Needs `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { planBundle } from "../compiler/emit/bundle-plan.js";
import type { KubeObject } from "../compiler/model/object.js";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const N = arg("n", 500);
const RUNS = arg("runs", 7);
const root = resolve(import.meta.dirname ?? ".", "..");
const work = join(root, "bench", ".work", "diff");
const ns = "bench";
const labels = (name: string) => ({ "app.kubernetes.io/instance": "bench", "app.kubernetes.io/managed-by": "tkc", "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "bench" });
const selector = (name: string) => ({ "app.kubernetes.io/instance": "bench", "app.kubernetes.io/name": name });

function service(i: number, changed: boolean): KubeObject[] {
  const name = `svc-${String(i).padStart(4, "0")}`;
  const config = { LOG_LEVEL: changed ? "debug" : "info", FEATURE_X: "off", UPSTREAM: `http://svc-${String((i + 1) % N).padStart(4, "0")}` };
  const configName = `${name}-config-${createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 10)}`;
  const env = [
    { name: "PORT", value: "8080" },
    ...(changed ? [{ name: "CACHE_TTL", value: "30s" }] : []),
    { name: "SERVICE_NAME", value: name },
    { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
  ];
  const meta = { name, namespace: ns, labels: labels(name) };
  return [
    { apiVersion: "v1", kind: "ConfigMap", metadata: { ...meta, name: configName }, data: config, immutable: true },
    { apiVersion: "v1", kind: "Service", metadata: meta, spec: { selector: selector(name), ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] } },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta,
      spec: {
        replicas: changed ? 3 : 2,
        selector: { matchLabels: selector(name) },
        template: {
          metadata: { labels: selector(name) },
          spec: {
            containers: [
              {
                name: "app",
                image: `registry.example.com/bench/${name}:${changed ? "1.1.0" : "1.0.0"}`,
                env,
                envFrom: [{ configMapRef: { name: configName } }],
                ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
                readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
                livenessProbe: { httpGet: { path: "/live", port: "http" }, initialDelaySeconds: 10, periodSeconds: 10 },
                resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true },
              },
            ],
            securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          },
        },
      },
    },
    {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta,
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] },
    },
    { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta, spec: { maxUnavailable: 1, selector: { matchLabels: selector(name) } } },
  ];
}

function writeBundle(dir: string, changedEvery: number): number {
  const objects: KubeObject[] = [{ apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: labels(ns) } }];
  for (let i = 0; i < N; i++) objects.push(...service(i, changedEvery > 0 && i % changedEvery === 0));
  const plan = planBundle({ release: "bench", version: "1.0.0", environment: "bench", namespace: ns, kubeVersion: "1.36", compilerVersion: "0.1.0", layout: "files", sources: [], objects });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of plan.files) writeFileSync(join(dir, file), text);
  return objects.length;
}

const a = join(work, "a");
const b = join(work, "b");
const count = writeBundle(a, 0);
writeBundle(b, 20); // every 20th service: 5%
const times: number[] = [];
let output = "";
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, "bin", "tkc.cjs"), "diff", a, b], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  times.push(performance.now() - started);
  if (result.status !== 0) throw new Error(`tkc diff failed (${result.status}): ${result.stderr}`);
  output = result.stdout;
}
times.sort((x, y) => x - y);
const median = times[Math.floor(times.length / 2)];
console.log(output.split("\n").slice(0, 5).join("\n"));
console.log(`\ntkc diff: ${count} objects per bundle, ${N / 20} of ${N} services changed`);
console.log(`runs (ms): ${times.map((t) => Math.round(t)).join(", ")}`);
console.log(`median: ${Math.round(median)} ms (budget 1000 ms) ${median < 1000 ? "OK" : "TOO SLOW"}`);

/**
 * The cost of recording a release bundle (compiler/release/record.ts) at N services (5N+2
 * objects): a new revision (cold), an unchanged build (nothing to record), and an unchanged build
 * after an in-place edit of the current bundle (which is repaired from the revision). Medians, ms.
 *
 *   node --import tsx bench/write.ts [--n 500] [--runs 9]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { planBundle } from "../compiler/emit/bundle-plan.js";
import { recordBuild } from "../compiler/release/record.js";
import type { KubeObject } from "../compiler/model/object.js";

const { values } = parseArgs({ options: { n: { type: "string", default: "500" }, runs: { type: "string", default: "9" } } });
const n = Number(values.n);
const runs = Number(values.runs);

function objects(count: number, replicas: number): KubeObject[] {
  const out: KubeObject[] = [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "bench" } } as KubeObject];
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(4, "0")}`;
    const meta = { name, namespace: "bench", labels: { "app.kubernetes.io/name": name } };
    out.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { ...meta, name: `${name}-config` }, data: { LOG_LEVEL: "info", INDEX: String(i) } } as KubeObject);
    out.push({ apiVersion: "v1", kind: "Service", metadata: meta, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } } as KubeObject);
    out.push({ apiVersion: "apps/v1", kind: "Deployment", metadata: meta, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `registry.example.com/${name}:1.0.${i}` }] } } } } as KubeObject);
    out.push({ apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: meta, spec: { minReplicas: 2, maxReplicas: 5, scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name } } } as KubeObject);
    out.push({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta, spec: { minAvailable: 1, selector: { matchLabels: { app: name } } } } as KubeObject);
  }
  return out;
}

function plan(replicas: number) {
  return planBundle({ release: "bench", version: "1.0.0", environment: "bench", namespace: "bench", kubeVersion: "1.36", compilerVersion: "0.0.0", layout: "files", sources: [], objects: objects(n, replicas) });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold: number[] = [];
const unchanged: number[] = [];
// CPU time (user + system) as well: on a busy shared machine it varies far less than wall time.
const coldCpu: number[] = [];
const unchangedCpu: number[] = [];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let round = 0; round < runs; round++) {
  const outRoot = mkdtempSync(join(tmpdir(), "tkc-write-bench-"));
  const p = plan(2);
  let t = performance.now();
  let c = cpu();
  recordBuild(p, { outRoot, sourceCommit: null, allowSameVersion: true });
  cold.push(performance.now() - t);
  coldCpu.push(cpu() - c);
  t = performance.now();
  c = cpu();
  recordBuild(p, { outRoot, sourceCommit: null, allowSameVersion: true });
  unchanged.push(performance.now() - t);
  unchangedCpu.push(cpu() - c);
  rmSync(outRoot, { recursive: true, force: true });
}
console.log(`record at N=${n} (${5 * n + 1} objects), median of ${runs} runs: new revision ${median(cold).toFixed(1)} ms (cpu ${median(coldCpu).toFixed(1)}), unchanged ${median(unchanged).toFixed(1)} ms (cpu ${median(unchangedCpu).toFixed(1)})`);

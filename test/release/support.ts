import { cpSync, writeFileSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";
import { planBundle, type BundlePlan } from "../../compiler/emit/bundle-plan.js";
import type { KubeObject } from "../../compiler/model/object.js";

/** A private copy of examples/shop to change freely. */
export function copyShop(): string {
  const dir = join(tempDir(), "shop");
  cpSync(join(repoRoot, "examples", "shop"), dir, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  return dir;
}

export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(file, next);
}

/** A project with `count` services in one descriptor, big enough that writing it takes a while. */
export function bigProject(count: number, replicas = 1): string {
  const dir = join(tempDir(), "big");
  cpSync(join(repoRoot, "examples", "hello"), dir, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  writeFileSync(
    join(dir, "release.k8s.ts"),
    `import { release, service } from "tkc";
const components = [];
for (let i = 0; i < ${count}; i++) {
  components.push(service({
    name: "svc-" + i,
    image: "registry.example.com/svc:1.0." + i,
    port: { name: "http", containerPort: 8080 },
    replicas: ${replicas},
    readiness: { httpGet: { path: "/ready", port: "http" } },
  }));
}
export default release({ name: "big", version: "1.0.0", environments: { dev: { namespace: "big" } }, components });
`,
  );
  return dir;
}

/** A bundle plan of `count` ConfigMaps and a Deployment, as the pipeline hands it to the release stage. */
export function smallPlan(replicas: number, options: { version?: string; release?: string; environment?: string; count?: number } = {}): BundlePlan {
  const objects: KubeObject[] = [];
  for (let i = 0; i < (options.count ?? 3); i++) objects.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `settings-${i}`, namespace: "big" }, data: { index: String(i) } } as KubeObject);
  objects.push({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "api", namespace: "big" }, spec: { replicas, selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: "registry.example.com/api:1.0.0" }] } } } } as KubeObject);
  return planBundle({ release: options.release ?? "big", version: options.version ?? "1.0.0", environment: options.environment ?? "dev", namespace: "big", kubeVersion: "1.36", compilerVersion: "0.0.0", layout: "files", sources: [], objects });
}

/** A process that takes a history lock for the lock tests (see the file). */
export const contender = join(repoRoot, "test", "release", "fixtures", "lock-contender.ts");

/** A pid that belonged to a process that has exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

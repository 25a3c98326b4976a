import { cpSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";

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

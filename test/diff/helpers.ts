import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { join } from "node:path";
import { planBundle, type Layout } from "../../compiler/emit/bundle-plan.js";
import { loadBundle } from "../../compiler/diff/load-bundle.js";
import type { LoadedBundle } from "../../compiler/diff/model.js";
import type { KubeObject } from "../../compiler/model/object.js";
import { tempDir } from "../support/cli.js";

/** Writes a bundle of `objects` (as `tkc build` would) into a fresh temp directory; returns the directory. */
export function writeBundleDir(objects: readonly KubeObject[], options: { version?: string; layout?: Layout; dir?: string } = {}): string {
  const dir = options.dir ?? tempDir("tkc-diff-bundle-");
  mkdirSync(dir, { recursive: true });
  const plan = planBundle({
    release: "shop",
    version: options.version ?? "1.0.0",
    environment: "prod",
    namespace: "shop-prod",
    kubeVersion: "1.36",
    compilerVersion: "0.1.0",
    layout: options.layout ?? "files",
    sources: [],
    objects,
  });
  for (const [file, text] of plan.files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

export function bundleOf(objects: readonly KubeObject[], options: { version?: string; layout?: Layout } = {}): LoadedBundle {
  const loaded = loadBundle(writeBundleDir(objects, options));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return loaded.value;
}

export interface ContainerSpec {
  name: string;
  image?: string;
  env?: { name: string; value: string }[];
  ports?: { containerPort: number; protocol?: string; name?: string }[];
  resources?: unknown;
}

export function deployment(name: string, containers: ContainerSpec[], extra: { replicas?: number; volumes?: unknown[] } = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "shop-prod" },
    spec: {
      replicas: extra.replicas ?? 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: containers.map((c) => ({ image: `registry.example.com/${c.name}:1.0.0`, ...c })), ...(extra.volumes ? { volumes: extra.volumes } : {}) },
      },
    },
  };
}

export function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "shop-prod" }, data, immutable: true };
}

export function secret(name: string, stringData: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "Secret", metadata: { name, namespace: "shop-prod" }, type: "Opaque", stringData };
}

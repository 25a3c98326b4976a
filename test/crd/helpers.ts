import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { descriptorCompilerOptions, descriptorPaths } from "../../compiler/typecheck/typecheck.js";
import type { KubeObject, SourcedObject } from "../../compiler/model/object.js";
import { validateSchemas, type ValidateSchemasOptions } from "../../compiler/validate/schema/index.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";

export function sourced(object: Record<string, unknown>): SourcedObject {
  return { object: object as unknown as KubeObject, origin: { file: "/project/monitoring.k8s.ts", line: 7, column: 3 } };
}

export function check(object: Record<string, unknown>, options: ValidateSchemasOptions = {}, kubeVersion = "1.36"): Diagnostic[] {
  return validateSchemas([sourced(JSON.parse(JSON.stringify(object)))], kubeVersion, options);
}

export function serviceMonitor(endpoint: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "ServiceMonitor",
    metadata: { name: "api", namespace: "shop", labels: { release: "prometheus" } },
    spec: {
      selector: { matchLabels: { "app.kubernetes.io/name": "api" } },
      namespaceSelector: { matchNames: ["shop"] },
      endpoints: [{ port: "http", path: "/metrics", interval: "30s", scrapeTimeout: "10s", ...endpoint }],
    },
  };
}

export function vpa(updateMode: string): Record<string, unknown> {
  return {
    apiVersion: "autoscaling.k8s.io/v1",
    kind: "VerticalPodAutoscaler",
    metadata: { name: "api", namespace: "shop" },
    spec: {
      targetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" },
      updatePolicy: { updateMode },
      resourcePolicy: { containerPolicies: [{ containerName: "*", minAllowed: { cpu: "100m", memory: "128Mi" }, maxAllowed: { cpu: 2, memory: "2Gi" } }] },
    },
  };
}

export function scaledObject(stabilizationWindowSeconds: number): Record<string, unknown> {
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: { name: "worker", namespace: "shop" },
    spec: {
      scaleTargetRef: { name: "worker" },
      minReplicaCount: 1,
      maxReplicaCount: 10,
      advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds } } } },
      triggers: [{ type: "rabbitmq", metadata: { queueName: "orders", mode: "QueueLength", value: "20" }, authenticationRef: { name: "rabbitmq" } }],
    },
  };
}

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** tsc with the options descriptors get (tkc, tkc/k8s and tkc/crds paths) over the given files; fails the test on any error. */
export function typecheckFiles(files: readonly string[]): void {
  const dir = mkdtempSync(join(tmpdir(), "tkc-crd-types-"));
  try {
    const config = join(dir, "tsconfig.json");
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...descriptorCompilerOptions(), paths: descriptorPaths("1.36") }, files }));
    execFileSync(join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", config], { cwd: repoRoot, encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc failed:\n${(e as { stdout?: string }).stdout ?? e}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

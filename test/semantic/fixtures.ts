/* Test fixtures: a valid bundle of common kinds. Tests clone it, break one thing, and check the diagnostic. */
import assert from "node:assert/strict";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import type { KubeObject, SourcedObject } from "../../compiler/model/object.js";
import { validateSemantics } from "../../compiler/validate/semantic/index.js";
import { validateObjects } from "../../compiler/validate/validate.js";

// Fixtures are deliberately loose so tests can break them in ways the types would forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export function deployment(name = "web", labels: Record<string, string> = { app: name }): Loose {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "shop", labels: { ...labels, "app.kubernetes.io/part-of": "shop" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } },
      template: {
        metadata: { labels: { ...labels, tier: "frontend" } },
        spec: {
          containers: [
            {
              name: "app",
              image: "registry.example.com:5000/shop/web:1.4.2",
              ports: [
                { name: "http", containerPort: 8080 },
                { name: "metrics", containerPort: 9090 },
              ],
              env: [
                { name: "LOG_LEVEL", value: "info" },
                { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
              ],
              resources: { requests: { cpu: "250m", memory: "128Mi" }, limits: { cpu: "1", memory: "0.5Gi" } },
              readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
              livenessProbe: { tcpSocket: { port: 8080 }, successThreshold: 1 },
              volumeMounts: [{ name: "config", mountPath: "/etc/web" }],
            },
          ],
          initContainers: [{ name: "migrate", image: "registry.example.com/shop/migrate@sha256:" + "a".repeat(64) }],
          volumes: [{ name: "config", configMap: { name: "web-config" } }],
        },
      },
    },
  };
}

export function service(name = "web", selector: Record<string, string> = { app: name }): Loose {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "shop" },
    spec: {
      selector,
      ports: [
        { name: "http", port: 80, targetPort: "http" },
        { name: "metrics", port: 9090, targetPort: 9090, protocol: "TCP" },
      ],
    },
  };
}

/** The minimal pair the brief asks for. */
export function pair(): { deployment: Loose; service: Loose; list: () => Loose[] } {
  const d = deployment();
  const s = service();
  return { deployment: d, service: s, list: () => [d, s] };
}

/** One valid object of each kind the rules look at. */
export function fullBundle(): Record<string, Loose> {
  const db = deployment("db");
  db.kind = "StatefulSet";
  delete db.spec.strategy;
  db.spec.serviceName = "db-headless";
  db.spec.podManagementPolicy = "Parallel";
  db.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 0 } };
  db.spec.template.spec.containers[0].volumeMounts.push({ name: "data", mountPath: "/var/lib/db" });
  db.spec.volumeClaimTemplates = [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } }];
  const headless = service("db-headless", { app: "db" });
  headless.spec.clusterIP = "None";
  return {
    namespace: { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } },
    web: deployment(),
    webService: service(),
    db,
    headless,
    config: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web-config", namespace: "shop" }, data: { "app.properties": "a=b" }, binaryData: { "logo.png": "iVBORw0KGgo=" } },
    tls: { apiVersion: "v1", kind: "Secret", metadata: { name: "web-tls", namespace: "shop" }, type: "kubernetes.io/tls", data: { "tls.crt": "Y2VydA==" }, stringData: { "tls.key": "key" } },
    ingress: {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        tls: [{ hosts: ["shop.example.com"], secretName: "web-tls" }],
        rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { name: "http" } } } }] } }],
      },
    },
    hpa: {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
          { type: "Pods", pods: { metric: { name: "rps" }, target: { type: "AverageValue", averageValue: "100" } } },
        ],
      },
    },
    pdb: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web", namespace: "shop" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } } } },
    netpol: {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "web", namespace: "shop" },
      spec: { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Ingress"], ingress: [{ ports: [{ port: "http" }, { port: 9000, endPort: 9010, protocol: "TCP" }] }] },
    },
    cron: {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "report", namespace: "shop" },
      spec: {
        schedule: "30 2 * * MON-FRI",
        timeZone: "Europe/Berlin",
        concurrencyPolicy: "Forbid",
        successfulJobsHistoryLimit: 3,
        jobTemplate: { spec: { backoffLimit: 2, template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "report", image: "shop/report:2.0.0" }] } } } },
      },
    },
    job: {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "seed", namespace: "shop" },
      spec: { completions: 3, parallelism: 3, completionMode: "Indexed", template: { spec: { restartPolicy: "Never", containers: [{ name: "seed", image: "shop/seed:1.0" }] } } },
    },
  };
}

export function sourced(objects: readonly Loose[]): SourcedObject[] {
  return objects.map((object, i) => ({ object: object as KubeObject, origin: { file: "/project/app.k8s.ts", line: i + 1, column: 1 } }));
}

export function run(objects: readonly Loose[]): Diagnostic[] {
  return validateSemantics(sourced(objects));
}

/** Schema and semantic validation together: for the codes the schema overlay reports (schemas/generator/enums.ts). */
export function runAll(objects: readonly Loose[], kubeVersion = "1.36"): Diagnostic[] {
  return validateObjects(sourced(objects), kubeVersion);
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}: ${d.message}`).join("\n");
}

/**
 * Assert that a diagnostic with this code and path exists, that its message contains `text`, and
 * that no diagnostic with another code (beyond `alsoAllowed`) appeared: one break, one complaint.
 */
export function expectDiagnostic(
  diagnostics: readonly Diagnostic[],
  code: string,
  path: string,
  text: string,
  options: { severity?: "error" | "warning"; alsoAllowed?: readonly string[] } = {},
): Diagnostic {
  const hit = diagnostics.find((d) => d.code === code && d.path === path);
  assert.ok(hit, `expected ${code} at ${path}, got:\n${summary(diagnostics)}`);
  assert.ok(hit.message.includes(text), `message of ${code} "${hit.message}" should include "${text}"`);
  assert.equal(hit.severity, options.severity ?? "error");
  assert.ok(hit.hint && hit.hint.length > 0, "every diagnostic has a hint");
  assert.ok(hit.object && hit.location, "every diagnostic names its object and location");
  const allowed = new Set([code, ...(options.alsoAllowed ?? [])]);
  const others = diagnostics.filter((d) => !allowed.has(d.code));
  assert.equal(others.length, 0, `unexpected extra diagnostics:\n${summary(others)}`);
  return hit;
}

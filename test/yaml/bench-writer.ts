/**
 * Timing of the canonical YAML writer on 2,500 typical objects (not a test).
 * Run: node --import tsx test/yaml/bench-writer.ts
 */
import YAML from "yaml";
import { toCanonicalYaml } from "../../compiler/emit/yaml-writer.js";

function workload(count: number): object[] {
  const objects: object[] = [];
  for (let i = 0; objects.length < count; i++) {
    const name = `svc-${i}`;
    const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "shop", tier: i % 2 ? "backend" : "frontend" };
    const metadata = { name, namespace: "shop", labels, annotations: { "tkc.dev/revision": String(i), "tkc.dev/source": `services/${name}.k8s.ts:12:3` } };
    objects.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata,
      spec: {
        replicas: 2 + (i % 3),
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
        template: {
          metadata: { labels, annotations: { "checksum/config": "3f".repeat(32) } },
          spec: {
            serviceAccountName: name,
            securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
            containers: [
              {
                name: "app",
                image: `registry.example.com/shop/${name}:1.${i % 40}.0`,
                args: ["--port=8080", "--log-level=info", `--name=${name}`],
                env: [
                  { name: "PORT", value: "8080" },
                  { name: "FEATURE_FLAGS", value: "on" },
                  { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                  { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: `${name}-db`, key: "password" } } },
                ],
                ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }, { name: "metrics", containerPort: 9090, protocol: "TCP" }],
                resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                readinessProbe: { httpGet: { path: "/ready", port: "http" }, initialDelaySeconds: 5, periodSeconds: 10 },
                livenessProbe: { httpGet: { path: "/healthz", port: "http" }, failureThreshold: 3, periodSeconds: 10 },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                volumeMounts: [{ name: "config", mountPath: "/etc/app", readOnly: true }],
              },
            ],
            volumes: [{ name: "config", configMap: { name: `${name}-config` } }],
          },
        },
      },
    });
    objects.push({
      apiVersion: "v1",
      kind: "Service",
      metadata,
      spec: { type: "ClusterIP", selector: { "app.kubernetes.io/name": name }, ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] },
    });
    objects.push({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { ...metadata, name: `${name}-config` },
      data: {
        "app.yaml": `server:\n  port: 8080\n  name: ${name}\nlogging:\n  level: info\n  format: json\nfeatures:\n  - search\n  - checkout\n`,
        "LOG_LEVEL": "info",
        "ENABLED": "true",
      },
    });
    objects.push({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    });
    objects.push({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata,
      spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": name } } },
    });
  }
  return objects.slice(0, count);
}

function time(label: string, objects: object[], write: (o: object) => string, rounds: number): void {
  const samples: number[] = [];
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    bytes = 0;
    for (const o of objects) { const s = write(o); bytes += s.length + (s.charCodeAt(s.length >> 1) & 0); }
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(22)} median ${samples[samples.length >> 1].toFixed(1).padStart(6)} ms   min ${samples[0].toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(0)} KiB`);
}

const objects = workload(2500);
const start = performance.now();
for (const o of objects) toCanonicalYaml(o);
console.log(`${objects.length} objects; first (cold) toCanonicalYaml pass ${(performance.now() - start).toFixed(1)} ms`);
time("toCanonicalYaml", objects, toCanonicalYaml, 30);
time("JSON.stringify", objects, (o) => JSON.stringify(o), 30);
time("YAML.stringify", objects, (o) => YAML.stringify(o, { indentSeq: false }), 5);

import type { KubeObject, SourcedObject } from "../../compiler/model/object.js";

export function deployment(overrides: { spec?: Record<string, unknown>; container?: Record<string, unknown> } = {}): KubeObject {
  const labels = { app: "api" };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", namespace: "shop", labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: "api",
              image: "registry.example.com/api:1.2.3",
              ports: [{ name: "http", containerPort: 8080 }],
              resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: 1, memory: "1Gi" } },
              readinessProbe: { httpGet: { path: "/healthz", port: "http" } },
              ...overrides.container,
            },
          ],
        },
      },
      ...overrides.spec,
    },
  };
}

export function sourced(object: KubeObject): SourcedObject {
  return { object, origin: { file: "/project/api.k8s.ts", line: 3, column: 1 } };
}

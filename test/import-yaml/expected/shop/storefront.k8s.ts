// storefront: imported by `tkc import yaml` from shop/shop.yaml
import { raw } from "tkc";

const webImage = "ghcr.io/acme/storefront:2.4.1";
const proxyImage = "envoyproxy/envoy:v1.31.2";
const selectorLabels = { "app.kubernetes.io/name": "storefront" };

// The shop's storefront: a Deployment with its Service, ConfigMap, HPA and PDB.
// Kept as the team wrote it.
export const storefrontDeployment = raw({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "storefront", labels: { "app.kubernetes.io/name": "storefront", tier: "web" } },
  spec: {
    replicas: 3,
    revisionHistoryLimit: 5,
    selector: { matchLabels: selectorLabels },
    template: {
      metadata: { labels: selectorLabels, annotations: { "prometheus.io/scrape": "true" } },
      spec: {
        serviceAccountName: "storefront",
        containers: [
          {
            name: "web",
            image: webImage,
            args: ["--port=8080", "--verbose"],
            ports: [{ name: "http", containerPort: 8080 }],
            env: [
              { name: "MODE", value: "production" },
              {
                name: "DB_PASSWORD",
                valueFrom: { secretKeyRef: { name: "storefront-db", key: "password" } },
              },
            ],
            envFrom: [{ configMapRef: { name: "storefront-config" } }],
            resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
            readinessProbe: { httpGet: { path: "/healthz", port: "http" } },
          },
          { name: "proxy", image: proxyImage },
        ],
      },
    },
  },
});

export const storefrontService = raw({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "storefront" },
  spec: {
    type: "ClusterIP",
    selector: selectorLabels,
    ports: [{ name: "http", port: 80, targetPort: "http" }],
  },
});

export const storefrontConfigConfigMap = raw({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "storefront-config" },
  data: { LOG_LEVEL: "info", FEATURES: "search,cart" },
});

export const storefrontHpaHorizontalPodAutoscaler = raw({
  apiVersion: "autoscaling/v2",
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "storefront-hpa" },
  spec: {
    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "storefront" },
    minReplicas: 3,
    maxReplicas: 10,
    metrics: [
      {
        type: "Resource",
        resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
      },
    ],
  },
});

export const storefrontPdbPodDisruptionBudget = raw({
  apiVersion: "policy/v1",
  kind: "PodDisruptionBudget",
  metadata: { name: "storefront-pdb" },
  spec: { minAvailable: 2, selector: { matchLabels: selectorLabels } },
});

// Pods of the storefront run as this account.
export const storefrontServiceAccount = raw({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "storefront" } });

export default [storefrontDeployment, storefrontService, storefrontConfigConfigMap, storefrontHpaHorizontalPodAutoscaler, storefrontPdbPodDisruptionBudget, storefrontServiceAccount];

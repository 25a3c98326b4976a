import { downwardApi, perEnv, release, service } from "tkc";

// The API tags its logs and traces with the pod and node it runs on, sizes its worker pool from
// its CPU limit and its cache from its memory limit, and reads its own labels (e.g. the release
// track) from a file the kubelet keeps current.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  resources: perEnv({
    dev: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    prod: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "2", memory: "1Gi" } },
  }),
  patterns: [
    downwardApi({
      env: ["podName", "namespace", "podIP", "nodeName", "serviceAccount", "cpuLimit", "memoryLimit"],
      files: { mountPath: "/etc/podinfo", labels: true, annotations: true },
    }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api],
});

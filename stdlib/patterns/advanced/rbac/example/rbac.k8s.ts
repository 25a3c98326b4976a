import { clusterRole, perEnv, release, role, serviceAccount, worker } from "tkc";

// A controller that watches the release's ConfigMaps and restarts Deployments when they change
// (namespaced Role), and reads Nodes to spread work by zone (ClusterRole). It needs an API
// token, so its ServiceAccount mounts one.
const reloader = worker({
  name: "config-reloader",
  image: "registry.example.com/platform/reloader:1.2.0",
  args: ["--namespace-scoped", "--log-level", "info"],
  resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { memory: "128Mi" } },
  replicas: perEnv({ dev: 1, prod: 2 }),
  patterns: [
    serviceAccount({ automountToken: true }),
    role({
      rules: [
        { resources: ["configmaps"], verbs: ["get", "list", "watch"] },
        { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "patch"] },
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], resourceNames: ["config-reloader"], verbs: ["get", "update"] },
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"] },
      ],
    }),
    clusterRole({ rules: [{ resources: ["nodes"], verbs: ["get", "list", "watch"] }] }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [reloader],
});

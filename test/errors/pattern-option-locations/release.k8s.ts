import { ambassador, configFiles, cronJob, downwardApi, envFrom, expose, externalSecret, externalService, job, kedaScaling, leaderElection, limitRange, logShipper, migrationJob, nodePlacement, relaxSecurity, release, resourceQuota, role, service, sidecar, workQueue } from "tkc";

// Mistakes in options that are lists or nested records are reported at the item or the option
// that holds them, not at the pattern's call: one run shows every one of them at its own line.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    nodePlacement({
      requireNodes: [
        { key: "arch", operator: "In", values: ["arm64"] },
        { key: "pool", operator: "In", values: [] },
      ],
      preferNodes: [{ weight: 0, match: [{ key: "zone", operator: "Exists", values: ["a"] }] }],
    }),
    downwardApi({
      env: ["podName", "podColour" as never],
      files: { mountPath: "etc/podinfo", fields: ["podIP"] },
    }),
    ambassador({ target: "db.example.com:5432", listen: 0, name: "DB" }),
    migrationJob({ command: ["/app/migrate"], ordering: "later" as never, backoffLimit: -1 }),
    relaxSecurity({ reason: "legacy image", runAsUser: -1 }),
    role({ rules: [{ resources: ["configmaps"], verbs: ["get"] }, { resources: ["pods"], verbs: [] }] }),
  ],
});

const worker = service({
  name: "worker",
  image: "registry.example.com/worker:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    kedaScaling({ min: -1, max: 5, triggers: [{ type: "redis", metadata: { address: "redis:6379", listLength: 20 as never } }] }),
    expose({ type: "NodePort", nodePorts: { https: 30443 } }),
    logShipper({ logPath: "var/log", output: { type: "stdout" } }),
  ],
});

const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    expose({ type: "Public" as never }),
    sidecar({
      name: "cache",
      image: "registry.example.com/cache:1.0.0",
      volumes: [{ name: "tmp", mountPath: "/tmp" }, { name: "Shared", mountPath: "data", appMountPath: "var/data" }],
    }),
    envFrom({ configMaps: ["web-settings"], secrets: ["web-db", { name: "web-api", prefix: "1API_" }] }),
    leaderElection({ lease: "Web_Leader" }),
    configFiles({ name: "web-config", mountPath: "/etc/web", files: { "web.yaml": "a: 1\n", "conf/extra.yaml": "b: 2\n" } }),
  ],
});

const billingDb = externalService({
  name: "billing-db",
  addresses: ["10.20.0.15", "db.example.com"],
  ports: [{ name: "postgres", port: 5432 }, { name: "admin", port: 70000 }],
});

const reindex = workQueue({
  name: "reindex",
  image: "registry.example.com/reindexer:1.0.0",
  queue: 42 as never,
  parallelism: 0,
});

const backfill = job({
  name: "backfill",
  image: "registry.example.com/backfill:1.0.0",
  maxFailedIndexes: 2,
});

const nightly = cronJob({
  name: "nightly",
  image: "registry.example.com/nightly:1.0.0",
  schedule: "0 3 * * *",
  concurrencyPolicy: "Sometimes" as never,
});

const quota = resourceQuota({ name: "Compute", hard: { "requests.cpu": "8", "limits.memory": "-4Gi" } });

const defaults = limitRange({
  name: "defaults",
  container: { min: { cpu: "2" }, max: { cpu: "1", memory: "lots" } },
});

const dbCredentials = externalSecret({
  name: "db",
  store: { name: "vault" },
  refreshInterval: "1 hour",
  data: { password: { key: "prod/db", property: "password" } },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" } }, components: [api, worker, web, billingDb, reindex, backfill, nightly, quota, defaults, dbCredentials] });

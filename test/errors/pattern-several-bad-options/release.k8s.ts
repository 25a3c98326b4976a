import { exporter, job, relaxSecurity, release, service, sidecar } from "tkc";

// Several bad options in one call are several errors, each reported at that call: the user
// fixes them all after one run.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    sidecar({ name: "Cache_Warmer", image: "" }),
    relaxSecurity({ reason: "", addCapabilities: ["CAP_NET_ADMIN"] }),
    exporter({ image: "", port: 0, path: "metrics" }),
  ],
});

const backfill = job({
  name: "backfill",
  image: "registry.example.com/backfill:1.0.0",
  completionMode: "Indexed",
  activeDeadlineSeconds: 0,
  podFailurePolicy: [{ action: "FailJob", onExitCodes: { operator: "In", values: [0, 300] } }],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" } }, components: [api, backfill] });

import { healthProbes, httpProbe, perEnv, release, rollingUpdate, service, sized } from "tkc";

// Zero-downtime rolling update: one extra pod at a time, never fewer ready pods than replicas.
// minReadySeconds makes a pod prove itself before the rollout continues.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 6 }),
  resources: sized("small"),
  patterns: [
    healthProbes({ readiness: httpProbe("/healthz/ready", "http") }),
    // Dev favours speed (replace everything at once); prod favours capacity.
    rollingUpdate({
      maxSurge: perEnv({ dev: "100%", prod: 1 }),
      maxUnavailable: perEnv({ dev: "100%", prod: 0 }),
      minReadySeconds: perEnv({ dev: 0, prod: 10 }),
      progressDeadlineSeconds: 300,
    }),
  ],
});

export default release({
  name: "rolling",
  version: "2.4.0",
  environments: { dev: { namespace: "rolling-dev" }, prod: { namespace: "rolling-prod" } },
  components: [api],
});

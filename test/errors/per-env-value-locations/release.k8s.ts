import { perEnv, release, service } from "tkc";

// A value wrong in one environment is reported at that environment's entry of the perEnv(), as
// deep as it is written there (it was reported at the option as a whole).
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: perEnv({
    dev: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "50m", memory: "64Mi" } },
    default: { requests: { cpu: "1", memory: "1Gi" }, limits: { memory: "1Gi" } },
  }),
  podAnnotations: perEnv({ dev: { "Bad Key": "x" }, prod: { team: "shop" } }),
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" }, prod: { namespace: "case-prod" } }, components: [api] });

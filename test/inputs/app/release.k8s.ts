import { configMap, input, release, service } from "tkc";

// Every kind of build input, read where it is used; `tkc inputs` lists them.
const imageTag = input("imageTag", { type: "string", default: "2.4.0", description: "tag of the api image CI built" });
const replicas = input("replicas", { type: "number", default: 2, perEnvironment: true, description: "api replicas" });
const debug = input("debug", { type: "boolean", default: false, description: "verbose logging" });
const logLevel = input("logLevel", { type: ["debug", "info", "warn"], default: "info" });
const requests = input("requests", { type: { cpu: "string", memoryMi: "number" }, default: { cpu: "100m", memoryMi: 128 }, description: "api container requests" });
const motd = input("motd", { type: "string", default: "hello", description: "message of the day: any text, kept as data" });

const settings = configMap({
  name: "api-settings",
  data: { LOG_LEVEL: logLevel, DEBUG: String(debug), MOTD: motd },
});

const api = service({
  name: "api",
  image: `registry.example.com/shop/api:${imageTag}`,
  port: { name: "http", containerPort: 8080 },
  replicas,
  resources: { requests: { cpu: requests.cpu, memory: `${requests.memoryMi}Mi` }, limits: { memory: `${requests.memoryMi * 2}Mi` } },
  readiness: { httpGet: { path: "/healthz", port: "http" } },
});

export default release({
  name: "inputs-app",
  version: "1.0.0",
  environments: {
    dev: { namespace: "inputs-dev" },
    prod: { namespace: "inputs-prod" },
  },
  components: [settings, api],
});

import { raw, release, service } from "tkc";

// A mistake at a stdlib call does not hide the objects' own mistakes elsewhere: all are reported
// in one run. The objects of the call that made the mistake are not checked again (they would only
// repeat it).
const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  ports: [{ name: "http", containerPort: 8080 }],
});

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  labels: { tier: "back end" },
});

const settings = raw({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Settings" }, data: { mode: "fast" } });

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" }, prod: { namespace: "case-prod" } }, components: [web, api, settings] });

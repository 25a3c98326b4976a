import { release, role, worker } from "tkc";

const reloader = worker({
  name: "reloader",
  image: "registry.example.com/reloader:1.0.0",
  patterns: [role({ rules: [{ resources: ["configmaps"], verbs: ["get", "list", "watch"] }] })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [reloader] });

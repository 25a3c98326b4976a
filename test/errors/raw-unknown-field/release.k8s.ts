import { raw, release } from "tkc";

const config = raw({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "settings" },
  data: { mode: "fast" },
  immutible: true,
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [config] });

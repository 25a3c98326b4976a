import { raw, release } from "tkc";

const deployment = raw({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "api" },
  spec: {
    selector: { matchLabels: { app: "api" } },
    template: {
      metadata: { labels: { app: "api-server" } },
      spec: { containers: [{ name: "api", image: "registry.example.com/api:1.0.0" }] },
    },
  },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [deployment] });

import { perEnv, release, service, serviceAccount, worker } from "tkc";

// Each workload runs as its own ServiceAccount instead of the namespace's shared `default`.
// Neither calls the Kubernetes API, so no token is mounted. The exporter reads from object
// storage through cloud workload identity, configured per environment on its ServiceAccount.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [serviceAccount()],
});

const exporter = worker({
  name: "report-exporter",
  image: "registry.example.com/shop/exporter:1.3.0",
  patterns: [
    serviceAccount({
      name: "exporter",
      annotations: perEnv({
        dev: { "eks.amazonaws.com/role-arn": "arn:aws:iam::111111111111:role/shop-dev-exporter" },
        prod: { "eks.amazonaws.com/role-arn": "arn:aws:iam::222222222222:role/shop-prod-exporter" },
      }),
    }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api, exporter],
});

import { perEnv, release, singleton, sized } from "tkc";

// Singleton service: the order-number allocator must never run twice (two instances would hand
// out duplicate numbers). A StatefulSet of one never starts a replacement while the old pod may
// still run; its counter lives on a volume.
const allocator = singleton({
  name: "order-numbers",
  image: "registry.example.com/shop/order-numbers:1.0.7",
  port: { name: "http", containerPort: 8080 },
  resources: sized("xsmall"),
  storage: [{ name: "state", mountPath: "/var/lib/order-numbers", size: perEnv({ dev: "1Gi", prod: "5Gi" }) }],
});

// A report mailer where a rare double run is harmless: a Deployment of one with Recreate fails
// over faster when its node dies.
const mailer = singleton({
  name: "report-mailer",
  image: "registry.example.com/shop/report-mailer:2.0.1",
  resources: sized("xsmall"),
  strict: false,
});

export default release({
  name: "singleton",
  version: "1.0.7",
  environments: { dev: { namespace: "singleton-dev" }, prod: { namespace: "singleton-prod" } },
  components: [allocator, mailer],
});

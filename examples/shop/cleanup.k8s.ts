import { cronJob, secretRef } from "tkc";

// Nightly: expire abandoned carts and old sessions.
export default cronJob({
  name: "nightly-cleanup",
  image: "registry.example.com/shop/api:2.4.0",
  command: ["/app/bin/cleanup"],
  args: ["--older-than", "72h"],
  schedule: "30 2 * * *",
  timeZone: "Europe/Berlin",
  backoffLimit: 2,
  activeDeadlineSeconds: 3600,
  env: { DATABASE_HOST: "postgres", DATABASE_PASSWORD: secretRef("shop-db", "password") },
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
});

import { externalService, perEnv, release, secretRef, service } from "tkc";

// Backing services attached by configuration (twelve-factor IV): the API always connects to
// "billing-db" and "payments"; the release decides where they really are in each environment.

// The billing database runs on VMs with fixed addresses: a Service without a selector plus an
// EndpointSlice listing them (one replica in dev, primary and standby in prod).
const billingDb = externalService({
  name: "billing-db",
  addresses: perEnv({ dev: ["10.20.0.15"], prod: ["10.40.0.10", "10.40.0.11"] }),
  port: { name: "postgres", port: 5432 },
});

// The payment provider is a DNS name: an ExternalName Service (a CNAME, no proxy).
const payments = externalService({
  name: "payments",
  externalName: perEnv({ dev: "sandbox.payments.example.com", prod: "api.payments.example.com" }),
});

const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  env: {
    DATABASE_URL: "postgres://billing-db:5432/billing",
    DATABASE_PASSWORD: secretRef("billing-db", "password"),
    PAYMENTS_URL: "https://payments",
  },
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [billingDb, payments, api],
});

import { envFrom, externalSecret, perEnv, plainSecret, release, sealedSecret, secretRef, service } from "tkc";

// Secrets without leaks: no secret value is in this file or in the bundle, except the
// explicitly allowed test fixture below.

// Database credentials live in the cloud secret manager; the External Secrets Operator copies
// them into the Secret "shop-db" and refreshes it hourly.
const dbCredentials = externalSecret({
  name: "shop-db",
  store: { name: "aws-secrets-manager" },
  data: perEnv({
    dev: { username: { key: "shop/dev/db", property: "username" }, password: { key: "shop/dev/db", property: "password" } },
    prod: { username: { key: "shop/prod/db", property: "username" }, password: { key: "shop/prod/db", property: "password" } },
  }),
});

// The payment provider's webhook key, sealed with each cluster's sealed-secrets key (kubeseal
// output; sealed per namespace, so each environment has its own ciphertext).
const webhookKey = sealedSecret({
  name: "payments-webhook",
  encryptedData: perEnv({
    dev: { "signing-key": "AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq1bZ6kD5eXm0uQ4dF8wE7u2Wq0XNvlb7gM1s0zR6kR2lQ5mH2Xo8pQ==" },
    prod: { "signing-key": "AgCk9Rj2Yq7e4bX1mN5tP8wQ3zL6vH0sF2gD9kJ4uA7cE1yB5nM8xT3rW6oI0pS2dG4hK7jL9qZ1vC5bN8mX==" },
  }),
});

// The in-cluster mail catcher's login is a published test fixture, not a secret: it may be in
// the bundle, and the call says so.
const mailCatcher = plainSecret({
  name: "mailpit-auth",
  stringData: { username: "test", password: "test" },
  allowPlaintextInBundle: true,
});

const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  env: { WEBHOOK_SIGNING_KEY: secretRef("payments-webhook", "signing-key") },
  patterns: [envFrom({ secrets: [{ name: "shop-db", prefix: "DB_" }, { name: "mailpit-auth", prefix: "SMTP_" }] })],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [dbCredentials, webhookKey, mailCatcher, api],
});

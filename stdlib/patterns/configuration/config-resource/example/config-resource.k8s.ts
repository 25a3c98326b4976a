import { configEnv, configFiles, perEnv, release, secretFiles, service } from "tkc";

// Configuration as resources: the API's settings file and its log configuration as mounted
// files, a few values as env vars from a ConfigMap, and the TLS client certificate mounted from
// an existing Secret (its values never appear in the bundle).
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  args: ["--config", "/etc/shop/app.yaml"],
  patterns: [
    configFiles({
      name: "api-config",
      mountPath: "/etc/shop",
      files: {
        "app.yaml": perEnv({
          dev: "server:\n  port: 8080\ncache:\n  ttl: 10s\nsearch:\n  url: http://search:9200\n",
          prod: "server:\n  port: 8080\ncache:\n  ttl: 5m\nsearch:\n  url: https://search.internal.example.com\n",
        }),
        "logback.xml": '<configuration>\n  <root level="INFO"><appender-ref ref="JSON"/></root>\n</configuration>\n',
      },
    }),
    configEnv({
      name: "api-env",
      data: { TZ: "UTC", CURRENCY: "EUR", REGION: perEnv({ dev: "eu-dev", prod: "eu-west-1" }) },
    }),
    secretFiles({ secret: "api-client-tls", mountPath: "/etc/shop-tls", keys: ["tls.crt", "tls.key"] }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api],
});

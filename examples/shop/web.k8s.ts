import { allowFrom, canary, configTemplate, healthProbes, httpProbe, perEnv, sized } from "tkc";
import webConfig from "./config/web.json.hbs";

/** What config/web.json.hbs reads; every environment must give all of it. */
interface WebConfig {
  readonly apiUrl: string;
  readonly host: string;
  readonly features: Readonly<Record<string, boolean>>;
  readonly cacheSeconds: number;
}

// Server-rendered storefront, released as a canary: the next version takes a share of the pods
// behind the `web` Service (none in dev, half in staging, a tenth in prod).
export default canary({
  name: "web",
  image: "registry.example.com/shop/web:2.4.0",
  canaryImage: "registry.example.com/shop/web:2.5.0-rc.1",
  weight: perEnv({ dev: 0, staging: 50, prod: 10 }),
  port: { name: "http", containerPort: 3000, servicePort: 80 },
  replicas: perEnv({ dev: 1, staging: 2, prod: 10 }),
  env: { API_URL: "http://api:8080", NODE_ENV: "production", CONFIG_FILE: "/app/config/web.json" },
  resources: sized("small"),
  writablePaths: ["/tmp", "/app/.next/cache"],
  patterns: [
    healthProbes({ readiness: httpProbe("/", "http"), liveness: httpProbe("/", "http") }),
    configTemplate<WebConfig>({
      name: "web-config",
      template: webConfig,
      fileName: "web.json",
      mountPath: "/app/config",
      values: perEnv({
        dev: { apiUrl: "http://api:8080", host: "shop.dev.example.com", features: { newCheckout: true, reviews: true }, cacheSeconds: 0 },
        staging: { apiUrl: "http://api:8080", host: "shop.staging.example.com", features: { newCheckout: true, reviews: true }, cacheSeconds: 60 },
        prod: { apiUrl: "http://api:8080", host: "shop.example.com", features: { newCheckout: false, reviews: true }, cacheSeconds: 300 },
      }),
    }),
    allowFrom({ namespaces: ["ingress-nginx"], ports: ["http"] }),
  ],
});

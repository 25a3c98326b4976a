import { perEnv, service } from "tkc";

// Server-rendered storefront; talks to the API through its Service name.
export default service({
  name: "web",
  image: "registry.example.com/shop/web:2.4.0",
  port: { name: "http", containerPort: 3000, servicePort: 80 },
  replicas: perEnv({ dev: 1, staging: 2, prod: 3 }),
  env: { API_URL: "http://api:8080", NODE_ENV: "production" },
  resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  readiness: { httpGet: { path: "/", port: "http" } },
  liveness: { httpGet: { path: "/", port: "http" }, initialDelaySeconds: 15 },
  writablePaths: ["/tmp", "/app/.next/cache"],
});

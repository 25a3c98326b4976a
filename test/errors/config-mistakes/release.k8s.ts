import { release, service } from "tkc";

// The smallest useful release: one web service in one environment.
const hello = service({
  name: "hello",
  image: "nginxinc/nginx-unprivileged:1.27.3",
  port: { name: "http", containerPort: 8080, servicePort: 80 },
  resources: { requests: { cpu: "50m", memory: "32Mi" }, limits: { memory: "64Mi" } },
  readiness: { httpGet: { path: "/", port: "http" } },
  writablePaths: ["/tmp"],
});

export default release({
  name: "hello",
  version: "1.0.0",
  environments: { dev: { namespace: "hello" } },
  components: [hello],
});

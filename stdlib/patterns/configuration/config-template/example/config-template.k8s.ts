import { configTemplate, perEnv, release, service } from "tkc";
// Text files (.hbs, .tpl, .conf, .txt) import as strings; they count as sources of the bundle.
import nginxConf from "./templates/nginx.conf.hbs";

/** What the nginx template reads; every environment must give all of it (strict rendering). */
interface NginxValues {
  readonly workers: number;
  readonly connections: number;
  readonly port: number;
  readonly serverName: string;
  readonly gzip: boolean;
  readonly apiServers: readonly string[];
}

const web = service({
  name: "web",
  image: "nginxinc/nginx-unprivileged:1.27.4",
  port: { name: "http", containerPort: 8080 },
  writablePaths: ["/tmp"],
  args: ["nginx", "-c", "/etc/nginx/custom/nginx.conf", "-g", "daemon off;"],
  patterns: [
    configTemplate<NginxValues>({
      name: "web-nginx",
      template: nginxConf,
      fileName: "nginx.conf",
      mountPath: "/etc/nginx/custom",
      values: perEnv({
        dev: { workers: 1, connections: 256, port: 8080, serverName: "shop.dev.example.com", gzip: false, apiServers: ["api:8080"] },
        prod: { workers: 4, connections: 4096, port: 8080, serverName: "shop.example.com", gzip: true, apiServers: ["api-0.api:8080", "api-1.api:8080"] },
      }),
    }),
  ],
});

export default release({
  name: "shop",
  version: "3.1.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [web],
});

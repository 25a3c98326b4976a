import { configTemplate, perEnv, release, service } from "tkc";

const template = `listen {{port}};
server_name {{serverName}};
`;

const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    configTemplate<{ port: number; serverName?: string }>({
      name: "web-nginx",
      template,
      fileName: "nginx.conf",
      mountPath: "/etc/nginx/custom",
      values: perEnv({ dev: { port: 8080 }, prod: { port: 8080, serverName: "shop.example.com" } }),
    }),
  ],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" }, prod: { namespace: "case-prod" } }, components: [web] });

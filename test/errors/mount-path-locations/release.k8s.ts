import { configFiles, release, service, statefulService } from "tkc";

// Mounts that clash are reported at the option that wrote the second path: a pattern's
// mountPath, a storage item's mountPath (not at the service( call).
const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  writablePaths: ["/etc/web"],
  patterns: [
    configFiles({
      name: "web-settings",
      files: { "web.conf": "listen 8080\n" },
      mountPath: "/etc/web",
    }),
  ],
});

const db = statefulService({
  name: "db",
  image: "registry.example.com/db:1.0.0",
  port: { name: "sql", containerPort: 5432 },
  writablePaths: ["/var/lib/db"],
  storage: [{ name: "data", mountPath: "/var/lib/db", size: "1Gi" }],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" } }, components: [web, db] });

import { daemon, hostPathVolumes, release } from "tkc";

const logs = daemon({
  name: "logs",
  image: "registry.example.com/logs:1.0.0",
  patterns: [hostPathVolumes([{ name: "varlog", hostPath: "/var/log" }])],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [logs] });

import { release, service } from "tkc";
// The repository's own package.json: a file outside this project folder.
import manifest from "../../../package.json";

const api = service({
  name: "api",
  image: `registry.example.com/api:${manifest.version}`,
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });

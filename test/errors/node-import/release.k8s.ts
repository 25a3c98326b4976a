import { readFileSync } from "fs";
import { release, service } from "tkc";

const api = service({
  name: "api",
  image: readFileSync("image.txt", "utf8").trim(),
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });

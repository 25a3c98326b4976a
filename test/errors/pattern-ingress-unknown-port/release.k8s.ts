import { ingress, release, service } from "tkc";

const api = service({ name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } });
const entry = ingress({ name: "shop", routes: [{ host: "shop.example.com", service: "api", port: "web" }] });

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api, entry] });

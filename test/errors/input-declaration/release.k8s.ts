import { input, release, service } from "tkc";

// A name with a dot could not be told from a field in --set (NAME.FIELD).
const tag = input("image.tag", { type: "string", default: "2.4.0" });

export default release({
  name: "shop",
  version: "1.0.0",
  environments: { dev: { namespace: "shop-dev" } },
  components: [service({ name: "api", image: `shop/api:${tag}`, port: { name: "http", containerPort: 8080 } })],
});

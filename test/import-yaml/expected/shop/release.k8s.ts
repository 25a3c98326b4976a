import storefront from "./storefront.k8s.js";
import mailer from "./mailer.k8s.js";
import { release } from "tkc";

export default release({
  name: "shop",
  version: "0.1.0",
  environments: {
    // The imported manifests hold no Namespace object for shop unless they said so.
    shop: { namespace: "shop", createNamespace: false },
  },
  components: [storefront, mailer],
});

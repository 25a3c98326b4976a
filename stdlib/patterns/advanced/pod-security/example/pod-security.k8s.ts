import { podSecurity, release, service } from "tkc";

// Pod Security Admission on each environment's namespace: dev enforces `baseline` but warns at
// `restricted`, so developers see what would break before prod enforces `restricted`, pinned to
// the policy version of the oldest cluster so an upgrade cannot tighten it under us.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev", namespaceLabels: podSecurity("baseline", { warn: "restricted" }) },
    prod: { namespace: "shop-prod", namespaceLabels: podSecurity("restricted", { version: "v1.33" }) },
  },
  components: [api],
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { ingress, nginxAnnotations, perEnv } from "../../../index.js";
import { expand, throwsCode } from "../../../../test/support/patterns/discovery.js";

test("ingress: duplicate host+path is an error at the call, or per environment with perEnv hosts", () => {
  const route = { host: "shop.example.com", path: "/api", service: "api", port: "http" };
  throwsCode(() => ingress({ name: "shop", routes: [route, { ...route, service: "api-v2" }] }), "TKC2410", /routes\[0\] and routes\[1\]/);
  ingress({ name: "shop", routes: [route, { ...route, pathType: "Exact" }] });
  const perEnvHosts = ingress({ name: "shop", routes: [route, { ...route, host: perEnv({ dev: "shop.example.com", prod: "other.example.com" }) }] });
  assert.equal(expand(perEnvHosts, "prod").get("Ingress/shop").spec.rules.length, 2);
  throwsCode(() => expand(perEnvHosts, "dev"), "TKC2410", /environment 'dev'/);
});

test("ingress: class-specific annotation helpers and mismatch check", () => {
  assert.deepEqual(nginxAnnotations({ proxyBodySize: "8m", sslRedirect: false }), {
    "nginx.ingress.kubernetes.io/proxy-body-size": "8m",
    "nginx.ingress.kubernetes.io/ssl-redirect": "false",
  });
  throwsCode(() => nginxAnnotations({ proxyBodySize: "8Mi" }), "TKC2412");
  const routes = [{ host: "shop.example.com", service: "web", port: "http" }];
  throwsCode(() => ingress({ name: "shop", className: "traefik", routes, annotations: nginxAnnotations({ proxyBodySize: "8m" }) }), "TKC2411");
  ingress({ name: "shop", className: "haproxy", routes, annotations: nginxAnnotations({ proxyBodySize: "8m" }) });
});


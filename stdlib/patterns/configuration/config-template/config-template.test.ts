import { test } from "node:test";
import assert from "node:assert/strict";
import { configTemplate, perEnv, service } from "../../../index.js";
import { expand, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

test("configTemplate renders per environment in strict mode", () => {
  const template = "listen {{port}};\n{{#each upstreams}}server {{this}};\n{{/each}}{{#if gzip}}gzip on;\n{{/if}}";
  const web = service({ ...app, patterns: [configTemplate<{ port: number; upstreams: string[]; gzip: boolean }>({ name: "nginx", template, fileName: "nginx.conf", mountPath: "/etc/nginx/conf.d", values: perEnv({ dev: { port: 80, upstreams: ["a:1"], gzip: false }, prod: { port: 8080, upstreams: ["a:1", "b:2"], gzip: true } }) })] });
  const prod = [...expand(web, "prod").values()].find((o) => o.kind === "ConfigMap");
  assert.equal(prod.data["nginx.conf"], "listen 8080;\nserver a:1;\nserver b:2;\ngzip on;\n");
  assert.equal(prod.immutable, true);
  const dev = [...expand(web, "dev").values()].find((o) => o.kind === "ConfigMap");
  assert.equal(dev.data["nginx.conf"], "listen 80;\nserver a:1;\n");
  const noEscape = service({ ...app, patterns: [configTemplate({ name: "t", template: "{{v}}", fileName: "f", mountPath: "/f", values: { v: "<a & b>" } })] });
  assert.equal([...expand(noEscape).values()].find((o) => o.kind === "ConfigMap").data.f, "<a & b>", "no HTML escaping");
  throwsCode(() => configTemplate({ name: "t", template: "{{#if x}}\n", fileName: "f", mountPath: "/f", values: {} }), "TKC2510", /line/);
  const missing = service({ ...app, patterns: [configTemplate({ name: "t", template: "a\nb {{host.name}}", fileName: "f", mountPath: "/f", values: perEnv({ dev: { host: {} }, prod: { host: { name: "x" } } }) })] });
  throwsCode(() => expand(missing, "dev"), "TKC2511", /"name" is not defined for environment 'dev' \(template line 2/);
  assert.equal([...expand(missing, "prod").values()].find((o) => o.kind === "ConfigMap").data.f, "a\nb x");
});


import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { KubeObject } from "../../compiler/model/object.js";
import { validateSchemas } from "../../compiler/validate/schema/index.js";
import { ENUM_FIELDS, NOT_ENUMS } from "../../schemas/generator/enums.js";
import { KUBE_VERSIONS, readSpecBytes, type Spec } from "../../schemas/generator/spec.js";
import { deployment, sourced } from "./helpers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
// As the generator reads them (schemas/generator/main.ts): the committed bytes, parsed.
const specs = KUBE_VERSIONS.map((version) => ({ version, spec: JSON.parse(readSpecBytes(root, version).toString("utf8")) as Spec }));
const excluded = new Set(NOT_ENUMS.flatMap((e) => e.fields));

/** Prose that lists a field's values ("One of Always, Never", "Valid values are ..."). */
const LISTS_VALUES = /\b(One of [A-Z"'`]|one of [A-Z"'`]\w*[,.]|[Vv]alid (values|options|operators|policies) are|[Aa]llowed values are|[Aa]cceptable values are|Possible values are|[Ss]upported values|Must be [A-Z"'`][^.]* or )/;

function check(object: KubeObject, kubeVersion = "1.36") {
  return validateSchemas([sourced(object)], kubeVersion);
}

function pod(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "app", image: "app:1" }], ...spec } };
}

describe("the enum overlay (schemas/generator/enums.ts)", () => {
  it("names string fields that exist in every supported version, each once, none also in NOT_ENUMS", () => {
    const seen = new Set<string>();
    for (const entry of ENUM_FIELDS) {
      const key = `${entry.definition}.${entry.property}`;
      assert.ok(!seen.has(key), `${key} is listed twice`);
      seen.add(key);
      assert.ok(!excluded.has(key), `${key} is both an enum and excluded`);
      assert.ok(entry.mirrors.length > 0 && entry.values.length > 0, `${key} needs values and the Go function it mirrors`);
      for (const { version, spec } of specs) {
        const property = spec.definitions[entry.definition]?.properties?.[entry.property];
        assert.ok(property, `${key} does not exist in ${version}`);
        const type = property.type === "array" ? property.items?.type : property.type;
        assert.equal(type, "string", `${key} is not a string (or list of strings) in ${version}`);
      }
    }
    for (const key of excluded) {
      const cut = key.lastIndexOf(".");
      assert.ok(specs.some(({ spec }) => spec.definitions[key.slice(0, cut)]?.properties?.[key.slice(cut + 1)]), `NOT_ENUMS names ${key}, which no spec has`);
    }
  });

  it("covers every GA spec field whose description lists values: an enum, or excluded with a reason", () => {
    const listed = new Set(ENUM_FIELDS.map((e) => `${e.definition}.${e.property}`));
    const uncovered = new Set<string>();
    for (const { spec } of specs) {
      for (const [definition, schema] of Object.entries(spec.definitions)) {
        // Status types and alpha/beta group-versions are out of scope (see NOT_ENUMS).
        if (/(Status|Condition)$/.test(definition) || /\.v\d+(alpha|beta)\d+\./.test(definition)) continue;
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          const type = property.type === "array" ? property.items?.type : property.type;
          const key = `${definition}.${name}`;
          if (type === "string" && LISTS_VALUES.test(property.description ?? "") && !listed.has(key) && !excluded.has(key)) uncovered.add(key);
        }
      }
    }
    assert.deepEqual([...uncovered], [], "add these to ENUM_FIELDS (after reading the server's validation) or to NOT_ENUMS with the reason");
    for (const entry of NOT_ENUMS) assert.ok(entry.reason.length > 10, `${entry.fields.join(", ")} needs a reason`);
  });

  it("writes each entry into schema.json (with \"\") of every version", () => {
    for (const { version } of specs) {
      const schema = JSON.parse(readFileSync(join(root, `schemas/v${version}/schema.json`), "utf8")) as { definitions: Record<string, { properties?: Record<string, { enum?: string[]; items?: { enum?: string[] } }> }> };
      const container = schema.definitions["Container"]!.properties!;
      assert.deepEqual(container["imagePullPolicy"]!.enum, ["", "Always", "Never", "IfNotPresent"], version);
      const claim = schema.definitions["PersistentVolumeClaimSpec"]!.properties!;
      assert.deepEqual(claim["accessModes"]!.items!.enum, ["", "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"], version);
    }
  });

  it('rejects imagePullPolicy "Sometimes" and dnsPolicy "Clusterfirst", with a did-you-mean where one is close', () => {
    const diagnostics = check(deployment({ spec: {}, container: { imagePullPolicy: "Sometimes" } }));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.path, d.message, d.hint]), [
      ["TKC3005", "spec.template.spec.containers[0].imagePullPolicy", 'spec.template.spec.containers[0].imagePullPolicy: string "Sometimes" is not one of the allowed values "Always", "Never", "IfNotPresent"', 'use one of "Always", "Never", "IfNotPresent"'],
    ]);
    const [dns, ...rest] = check(pod({ dnsPolicy: "Clusterfirst" }));
    assert.equal(rest.length, 0);
    assert.equal(dns!.code, "TKC3005");
    assert.equal(dns!.hint, 'did you mean "ClusterFirst"?');
  });

  it("accepts every listed value and the empty string (the server defaults it like an absent field)", () => {
    for (const dnsPolicy of ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None", ""]) assert.deepEqual(check(pod({ dnsPolicy })), [], dnsPolicy);
    assert.deepEqual(check(pod({ tolerations: [{ operator: "Exists", effect: "" }, { key: "k", operator: "Equal", value: "v", effect: "NoExecute" }] })), []);
  });

  it("keeps the codes of the semantic rules it replaced (x-tkc-code), with the did-you-mean", () => {
    const service = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "api" }, spec: { ports: [{ port: 80 }], ...spec } });
    const [type, ...rest] = check(service({ type: "Loadbalancer" }));
    assert.equal(rest.length, 0);
    assert.deepEqual([type!.code, type!.path, type!.hint], ["TKC3307", "spec.type", 'did you mean "LoadBalancer"?']);
    assert.deepEqual(check(service({ ports: [{ port: 53, protocol: "udp" }] })).map((d) => [d.code, d.hint]), [["TKC3306", 'did you mean "UDP"?']]);
    const policy: KubeObject = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "p" }, spec: { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: "HTTP" }] }] } };
    assert.deepEqual(check(policy).map((d) => [d.code, d.path]), [["TKC3318", "spec.ingress[0].ports[0].protocol"]]);
    assert.deepEqual(check(deployment({ container: { ports: [{ containerPort: 8080, protocol: "Tcp" }] } })).map((d) => [d.code, d.hint]), [["TKC3222", 'did you mean "TCP"?']]);
    // The server defaults an empty type to ClusterIP (SetDefaults_ServiceSpec): accepted, as before the move it was not.
    assert.deepEqual(check(service({ type: "" })), []);
  });

  it("follows the version: toleration operators Lt and Gt from 1.35 on", () => {
    const numeric = pod({ tolerations: [{ key: "k", operator: "Gt", value: "3" }] });
    assert.deepEqual(check(numeric, "1.35"), []);
    assert.deepEqual(check(numeric, "1.36"), []);
    assert.deepEqual(check(numeric, "1.33").map((d) => d.path), ["spec.tolerations[0].operator"]);
  });
});

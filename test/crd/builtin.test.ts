import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtinCustomKinds, findCustomKind } from "../../schemas/crds/index.js";
import { check, scaledObject, serviceMonitor, sourced, vpa } from "./helpers.js";
import { validateSchemas } from "../../compiler/validate/schema/index.js";

const codes = (diagnostics: readonly { code: string }[]) => diagnostics.map((d) => d.code);

describe("built-in CRDs", () => {
  it("knows every served version with its scope, and skips versions that are not served", () => {
    const keys = builtinCustomKinds().map((k) => `${k.apiVersion}/${k.kind}`);
    assert.equal(keys.length, 20);
    for (const key of [
      "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PodMonitor", "monitoring.coreos.com/v1/PrometheusRule",
      "autoscaling.k8s.io/v1/VerticalPodAutoscaler", "keda.sh/v1alpha1/ScaledObject", "keda.sh/v1alpha1/ScaledJob",
      "external-secrets.io/v1/ExternalSecret", "external-secrets.io/v1/SecretStore", "bitnami.com/v1alpha1/SealedSecret",
      "cert-manager.io/v1/Certificate", "gateway.networking.k8s.io/v1/HTTPRoute", "gateway.networking.k8s.io/v1beta1/HTTPRoute",
      "argoproj.io/v1alpha1/Rollout",
    ]) assert.ok(keys.includes(key), key);
    assert.ok(!keys.includes("autoscaling.k8s.io/v1beta2/VerticalPodAutoscaler"), "served: false versions are skipped");
    assert.ok(!keys.includes("external-secrets.io/v1beta1/ExternalSecret"));
    assert.deepEqual(findCustomKind("monitoring.coreos.com/v1", "ServiceMonitor"), {
      apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", group: "monitoring.coreos.com", version: "v1",
      definition: "MonitoringCoreosComV1ServiceMonitor", namespaced: true, plural: "servicemonitors",
      schema: "monitoring.coreos.com/servicemonitors.v1.schema.json", types: "monitoring.coreos.com/servicemonitors.ts",
    });
    assert.equal(findCustomKind("gateway.networking.k8s.io/v1", "GatewayClass")?.namespaced, false);
    assert.equal(findCustomKind("apps/v1", "Deployment"), undefined);
  });

  it("accepts a valid ServiceMonitor", () => {
    assert.deepEqual(check(serviceMonitor()), []);
  });

  it("reports an unknown field in a ServiceMonitor endpoint as TKC3002 with did-you-mean", () => {
    const [d, ...rest] = check(serviceMonitor({ intervall: "30s" }));
    assert.equal(rest.length, 0);
    assert.equal(d!.code, "TKC3002");
    assert.equal(d!.message, 'unknown field "intervall" in spec.endpoints[0]');
    assert.equal(d!.path, "spec.endpoints[0].intervall");
    assert.equal(d!.hint, 'did you mean "interval"?');
    assert.deepEqual(d!.location, { file: "/project/monitoring.k8s.ts", line: 7, column: 3 });
  });

  it("reports an enum violation with the allowed values", () => {
    assert.deepEqual(check(vpa("Recreate")), []);
    const [d, ...rest] = check(vpa("Sometimes"));
    assert.equal(rest.length, 0);
    assert.equal(d!.code, "TKC3005");
    assert.equal(d!.path, "spec.updatePolicy.updateMode");
    assert.match(d!.message, /"Sometimes" is not one of the allowed values "Off", "Initial", "Recreate", "InPlaceOrRecreate", "InPlace", "Auto"/);
    assert.match(d!.hint!, /use one of "Off", "Initial"/);
    assert.equal(check(vpa("auto"))[0]!.hint, 'did you mean "Auto"?');
  });

  it("treats x-kubernetes-int-or-string as integer or string", () => {
    assert.deepEqual(check(serviceMonitor({ port: undefined, targetPort: 8080 })), []);
    assert.deepEqual(check(serviceMonitor({ port: undefined, targetPort: "metrics" })), []);
    const [d] = check(serviceMonitor({ targetPort: true }));
    assert.equal(d!.code, "TKC3003");
    assert.match(d!.message, /spec\.endpoints\[0\]\.targetPort: expected integer or string, got boolean/);
  });

  it("allows unknown fields only under x-kubernetes-preserve-unknown-fields", () => {
    const job = (metadata: Record<string, unknown>) => ({
      apiVersion: "keda.sh/v1alpha1", kind: "ScaledJob", metadata: { name: "import" },
      spec: { jobTargetRef: { template: { metadata, spec: { containers: [{ name: "import", image: "registry.example.com/import:1.0.0" }] } } }, triggers: [{ type: "cron", metadata: {} }] },
    });
    // KEDA's installed CRD preserves unknown fields in the pod template's metadata (a patch tkc applies).
    assert.deepEqual(check(job({ labels: { app: "import" }, ownerReferences: [] })), []);
    const strict = check({ ...job({}), spec: { jobTargetRef: { template: { spec: { containers: [] } }, backoffLimitt: 3 }, triggers: [{ type: "cron", metadata: {} }] } });
    assert.deepEqual(codes(strict), ["TKC3002"]);
    assert.equal(strict[0]!.hint, 'did you mean "backoffLimit"?');
  });

  it("applies KEDA's installed-shape patches", () => {
    assert.deepEqual(check(scaledObject(300)), []);
    const [d] = check(scaledObject(4000));
    assert.equal(d!.code, "TKC3005");
    assert.match(d!.message, /stabilizationWindowSeconds: integer 4000 must be <= 3600/);
    const metricType = check({
      apiVersion: "keda.sh/v1alpha1", kind: "ScaledJob", metadata: { name: "import" },
      spec: { jobTargetRef: { template: { spec: { containers: [{ name: "a", ports: [{ containerPort: 80 }] }] } } }, triggers: [{ type: "cron", metadata: {}, metricType: "Value" }] },
    });
    assert.deepEqual(metricType.map((d) => d.path).sort(), ["spec.jobTargetRef.template.spec.containers[0].ports[0].protocol", "spec.triggers[0].metricType"]);
  });

  it("translates Go's (?i) flag in patterns", () => {
    const rule = (strategy: string) => ({
      apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "api" },
      spec: { groups: [{ name: "api", partial_response_strategy: strategy, rules: [{ alert: "Down", expr: "up == 0" }] }] },
    });
    assert.deepEqual(check(rule("Abort")), []);
    assert.deepEqual(check(rule("warn")), []);
    assert.deepEqual(codes(check(rule("maybe"))), ["TKC3005"]);
  });

  it("checks metadata as ObjectMeta, and apiVersion/kind as constants", () => {
    const bad = check({ ...serviceMonitor(), metadata: { name: "api", labels: { team: 7 }, lables: {} } });
    assert.deepEqual(bad.map((d) => [d.code, d.path]), [["TKC3002", "metadata.lables"], ["TKC3003", "metadata.labels.team"]]);
    assert.equal(bad[0]!.hint, 'did you mean "labels"?');
    assert.deepEqual(codes(check({ ...serviceMonitor(), metadata: undefined })), ["TKC3004"]);
  });

  it("accepts nullable fields set to null", () => {
    const secret = {
      apiVersion: "bitnami.com/v1alpha1", kind: "SealedSecret", metadata: { name: "db" },
      spec: { encryptedData: { password: "AgBy3i4OJSWK+PiTySYZZA==" }, template: { metadata: null } },
    };
    assert.deepEqual(check(secret), []);
  });

  it("reports unknown custom kinds as TKC3001 with a hint to import the CRD", () => {
    const [widget] = check({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
    assert.equal(widget!.code, "TKC3001");
    assert.match(widget!.hint!, /tkc import crd/);
    const [version] = check({ ...serviceMonitor(), apiVersion: "monitoring.coreos.com/v1alpha1" });
    assert.equal(version!.hint, "use apiVersion monitoring.coreos.com/v1 (the versions its CRD serves)");
    const [typo] = check({ ...serviceMonitor(), kind: "ServiceMonitors" });
    assert.equal(typo!.hint, 'did you mean "ServiceMonitor" (apiVersion monitoring.coreos.com/v1)?');
    // Core kinds keep their own messages.
    assert.match(check({ apiVersion: "networking.k8s.io/v1", kind: "Ingres", metadata: { name: "x" } })[0]!.hint!, /did you mean "Ingress"/);
  });

  it("validates kinds defined by a CRD in the same bundle against that CRD", () => {
    const schema = { type: "object", properties: { spec: { type: "object", properties: { size: { type: "integer" } } } } };
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" },
      spec: { group: "example.com", names: { kind: "Widget", plural: "widgets" }, scope: "Namespaced", versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: schema } }] },
    };
    const widget = (spec: unknown) => ({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec });
    assert.deepEqual(validateSchemas([crd, widget({ size: 3 })].map(sourced), "1.36"), []);
    const wrong = validateSchemas([crd, widget({ size: "3" })].map(sourced), "1.36");
    assert.deepEqual(wrong.map((d) => [d.code, d.path]), [["TKC3003", "spec.size"]]);
  });

  // speed: bench/ (a wall-clock limit here fails on a loaded machine, not on slow code)
  it("validates 2,500 custom resources, reporting exactly the wrong ones", () => {
    const objects = Array.from({ length: 2500 }, (_, i) => sourced(i % 2 ? serviceMonitor({ port: `p${i}` }) : vpa("Auto")));
    assert.deepEqual(validateSchemas(objects, "1.36"), []);
    objects[1234] = sourced(vpa("Sometimes"));
    const wrong = validateSchemas(objects, "1.36");
    assert.equal(wrong.length, 1, "one diagnostic, for the one wrong object");
    assert.deepEqual(wrong.map((d) => d.code), validateSchemas([sourced(vpa("Sometimes"))], "1.36").map((d) => d.code));
  });
});

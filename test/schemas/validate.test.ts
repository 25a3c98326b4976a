import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../compiler/model/object.js";
import { validateSchemas } from "../../compiler/validate/schema/index.js";
import { supportedKubeVersions } from "../../schemas/index.js";
import { deployment, sourced } from "./helpers.js";

function check(object: KubeObject, kubeVersion = "1.36") {
  return validateSchemas([sourced(object)], kubeVersion);
}

describe("validateSchemas", () => {
  for (const version of supportedKubeVersions) {
    it(`accepts a valid Deployment, Service, CronJob and HPA in ${version}`, () => {
      const objects: KubeObject[] = [
        deployment(),
        { apiVersion: "v1", kind: "Service", metadata: { name: "api" }, spec: { selector: { app: "api" }, ports: [{ port: 80, targetPort: "http" }] } },
        { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "nightly" }, spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "job", image: "busybox" }] } } } } } },
        { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "api" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" }, maxReplicas: 5 } },
      ];
      assert.deepEqual(validateSchemas(objects.map(sourced), version), []);
    });
  }

  it("reports an unknown field with a did-you-mean (replica -> replicas)", () => {
    const [d, ...rest] = check(deployment({ spec: { replica: 3 } }));
    assert.equal(rest.length, 0);
    assert.equal(d!.code, "TKC3002");
    assert.equal(d!.path, "spec.replica");
    assert.equal(d!.hint, 'did you mean "replicas"?');
    assert.equal(d!.object, "apps/v1 Deployment shop/api");
    assert.deepEqual(d!.location, { file: "/project/api.k8s.ts", line: 3, column: 1 });
  });

  it("reports a wrong type at spec.replicas", () => {
    const diagnostics = check(deployment({ spec: { replicas: "4" } }));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, "TKC3003");
    assert.equal(diagnostics[0]!.path, "spec.replicas");
    assert.match(diagnostics[0]!.message, /expected integer, got string "4"/);
    assert.equal(diagnostics[0]!.hint, "write 4 without quotes");
  });

  // YAML's 1e400 and .inf read as Infinity, which JSON.stringify shows as null.
  it("names a number JSON cannot carry as such, not as null", () => {
    const [d] = check(deployment({ spec: { replicas: Infinity } }));
    assert.match(d!.message, /^spec\.replicas: expected integer, got infinity, a number JSON cannot carry$/);
  });

  it("reports a missing container name", () => {
    const object = deployment();
    const containers = (((object["spec"] as any).template.spec.containers) as Record<string, unknown>[]);
    delete containers[0]!["name"];
    const diagnostics = check(object);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.path]), [["TKC3004", "spec.template.spec.containers[0].name"]]);
  });

  it("reports a bad quantity", () => {
    const diagnostics = check(deployment({ container: { resources: { limits: { cpu: "1 core" } } } }));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.path]), [["TKC3005", "spec.template.spec.containers[0].resources.limits.cpu"]]);
    assert.match(diagnostics[0]!.message, /invalid quantity "1 core"/);
  });

  it("accepts quantities 1, \"500m\", \"1Gi\", \"1.5\", \"2e3\" and IntOrString 8080 and \"http\"", () => {
    for (const cpu of [1, "500m", "1Gi", "1.5", "2e3", 0.5]) {
      assert.deepEqual(check(deployment({ container: { resources: { limits: { cpu, memory: "1Gi" } } } })), [], `cpu ${JSON.stringify(cpu)}`);
    }
    for (const port of [8080, "http"]) {
      assert.deepEqual(check(deployment({ container: { readinessProbe: { httpGet: { path: "/", port } } } })), [], `port ${JSON.stringify(port)}`);
    }
    const bad = check(deployment({ container: { readinessProbe: { httpGet: { path: "/", port: true } } } }));
    assert.deepEqual(bad.map((d) => d.code), ["TKC3003"]);
    assert.match(bad[0]!.message, /expected integer or string, got boolean true/);
  });

  it("reports one diagnostic per problem, with unknown fields in nested objects", () => {
    const diagnostics = check(deployment({ spec: { replicas: "4", paused: "no" }, container: { imagePullPolicy: 1, imagee: "x" } }));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.path]).sort(), [
      ["TKC3002", "spec.template.spec.containers[0].imagee"],
      ["TKC3003", "spec.paused"],
      ["TKC3003", "spec.replicas"],
      ["TKC3003", "spec.template.spec.containers[0].imagePullPolicy"],
    ]);
    assert.equal(diagnostics.find((d) => d.code === "TKC3002")!.hint, 'did you mean "image"?');
  });

  it("treats null as unset, as the API server does", () => {
    assert.deepEqual(check({ ...deployment(), metadata: { name: "api", creationTimestamp: null } }), []);
  });

  it("says autoscaling/v2beta2 HorizontalPodAutoscaler was removed in 1.26", () => {
    const [d] = check({ apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", metadata: { name: "api" } });
    assert.equal(d!.code, "TKC3001");
    assert.equal(d!.message, "autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26");
    assert.equal(d!.hint, "use apiVersion autoscaling/v2");
  });

  it("names the versions that serve resource.k8s.io/v1 ResourceClaim when targeting 1.33", () => {
    const object: KubeObject = { apiVersion: "resource.k8s.io/v1", kind: "ResourceClaim", metadata: { name: "gpu" }, spec: {} };
    const [d] = check(object, "1.33");
    assert.equal(d!.code, "TKC3001");
    assert.equal(d!.message, "resource.k8s.io/v1 ResourceClaim exists in Kubernetes 1.34-1.36, not in target 1.33");
    assert.match(d!.hint!, /^use --kube-version 1\.34 or later/);
    assert.deepEqual(check(object, "1.34"), []);
  });

  it("suggests a close kind, and the right apiVersion for a misplaced kind", () => {
    const [typo] = check({ apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } });
    assert.equal(typo!.hint, 'did you mean "Deployment"?');
    const [misplaced] = check({ apiVersion: "extensions/v1beta1", kind: "Ingress", metadata: { name: "x" } });
    assert.equal(misplaced!.message, "extensions/v1beta1 Ingress was removed in Kubernetes 1.22");
    const [wrongGroup] = check({ apiVersion: "apps/v1", kind: "Ingress", metadata: { name: "x" } });
    assert.equal(wrongGroup!.hint, "use apiVersion networking.k8s.io/v1");
  });

  it("skips custom resources defined by a CRD in the same bundle, and those declared by options", () => {
    const crd: KubeObject = {
      apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" },
      spec: { group: "example.com", scope: "Namespaced", names: { kind: "Widget", plural: "widgets" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }] },
    };
    const widget: KubeObject = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } };
    assert.deepEqual(validateSchemas([crd, widget].map(sourced), "1.36"), []);
    assert.deepEqual(check(widget).map((d) => d.code), ["TKC3001"]);
    assert.deepEqual(validateSchemas([sourced(widget)], "1.36", { customKinds: new Set(["example.com/v1/Widget"]) }), []);
  });

  it("rejects invalid base64 in Secret data and bad date-times", () => {
    const diagnostics = check({ apiVersion: "v1", kind: "Secret", metadata: { name: "s", creationTimestamp: "yesterday" }, data: { token: "not base64!" } });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.path]).sort(), [["TKC3005", "data.token"], ["TKC3005", "metadata.creationTimestamp"]]);
  });

  it("points at the exact user property when a field origin is recorded", () => {
    const location = { file: "/project/api.k8s.ts", line: 9, column: 5, length: 7 };
    const [d] = validateSchemas([{ ...sourced(deployment({ spec: { replicas: "4" } })), fieldOrigins: new Map([["/spec/replicas", location]]) }], "1.36");
    assert.deepEqual(d!.location, location);
  });
});

import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/cli.js";
import { describe, it } from "node:test";
import { compileAtRuntime, validatorModulePath, validatorsFor } from "../../compiler/validate/schema/ajv.js";
import {
  defaultKubeVersion, findKind, isSupportedKubeVersion, listInfo, listMapKeys, removedApi, supportedKubeVersions, versionsServing,
} from "../../schemas/index.js";
import { deployment } from "./helpers.js";

describe("schemas/index", () => {
  it("knows the supported versions: the table's, each with its generated schemas", () => {
    assert.ok(supportedKubeVersions.length >= 2);
    assert.ok(isSupportedKubeVersion(defaultKubeVersion));
    assert.equal(isSupportedKubeVersion("1.32"), false);
    for (const version of supportedKubeVersions) assert.ok(existsSync(join(repoRoot, "schemas", `v${version}`, "schema.json")), `schemas/v${version}/schema.json`);
    const folders = readdirSync(join(repoRoot, "schemas")).filter((name) => /^v\d+\.\d+$/.test(name)).map((name) => name.slice(1));
    assert.deepEqual(folders.sort(), [...supportedKubeVersions].sort(), "schemas/v1.NN folders are the table's versions");
  });

  it("finds kinds with scope and plural", () => {
    assert.deepEqual(findKind("1.36", "apps/v1", "Deployment"), { apiVersion: "apps/v1", kind: "Deployment", definition: "AppsV1Deployment", namespaced: true, plural: "deployments" });
    assert.equal(findKind("1.36", "v1", "Namespace")?.namespaced, false);
    assert.equal(findKind("1.36", "v1", "ConfigMapList")?.plural, "configmaps");
    assert.equal(findKind("1.36", "autoscaling/v2beta2", "HorizontalPodAutoscaler"), undefined);
  });

  it("knows which versions serve a kind and what was removed", () => {
    assert.deepEqual(versionsServing("batch/v1", "CronJob"), supportedKubeVersions);
    assert.deepEqual(versionsServing("resource.k8s.io/v1", "ResourceClaim"), ["1.34", "1.35", "1.36"]);
    assert.deepEqual(removedApi("policy/v1beta1", "PodDisruptionBudget"), { removedIn: "1.25", replacement: "policy/v1" });
    assert.equal(removedApi("apps/v1", "Deployment"), undefined);
  });

  it("gives list-map keys for diffs", () => {
    assert.deepEqual(listMapKeys("1.36", "apps/v1", "Deployment", ["spec", "template", "spec", "containers"]), ["name"]);
    assert.deepEqual(listMapKeys("1.36", "apps/v1", "Deployment", ["spec", "template", "spec", "containers", 0, "ports"]), ["containerPort", "protocol"]);
    assert.deepEqual(listMapKeys("1.36", "v1", "Service", ["spec", "ports"]), ["port", "protocol"]);
    assert.equal(listMapKeys("1.36", "apps/v1", "Deployment", ["spec", "template", "spec", "containers", 0, "args"]), undefined);
    assert.equal(listInfo("1.36", "apps/v1", "Deployment", ["spec", "template", "spec", "containers", 0, "args"])?.listType, "atomic");
    assert.equal(listInfo("1.36", "apps/v1", "Deployment", ["spec", "selector"])?.mapType, "atomic");
  });
});

describe("validators", () => {
  it("uses the precompiled module when dist/validators is built", { skip: !existsSync(validatorModulePath("1.36")) && "run npm run build first" }, () => {
    assert.equal(validatorsFor("1.36").source, "precompiled");
  });

  it("precompiled and run-time compiled validators report the same errors", () => {
    const bad = deployment({ spec: { replica: 3, replicas: "4" }, container: { name: undefined, resources: { limits: { cpu: "1 core" } } } });
    const object = JSON.parse(JSON.stringify(bad));
    for (const version of ["1.33", "1.36"]) {
      const a = validatorsFor(version).get("apps/v1", "Deployment")!;
      const b = compileAtRuntime(version).get("apps/v1", "Deployment")!;
      assert.equal(a(object), false);
      assert.equal(b(object), false);
      const strip = (errors: typeof a.errors) => (errors ?? []).map((e) => [e.keyword, e.instancePath, JSON.stringify(e.params)]);
      assert.deepEqual(strip(a.errors), strip(b.errors));
      assert.equal(a.errors!.length, 4);
    }
  });
});

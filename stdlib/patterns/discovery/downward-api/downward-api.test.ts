import { test } from "node:test";
import assert from "node:assert/strict";
import { service, downwardApi } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const base = { name: "web", image: "registry.example.com/web:1.0.0", ports: [{ name: "http", containerPort: 8080, servicePort: 80 }, { name: "admin", containerPort: 9000 }] };

test("downwardApi: env with default or chosen names, files with labels and resources", () => {
  const web = service({ ...base, patterns: [downwardApi({ env: { MY_POD: "podName", LIMIT: "cpuLimit" }, files: { mountPath: "/podinfo", fields: ["memoryLimit"] } })] });
  const spec = podSpec(expand(web));
  const app = spec.containers[0];
  assert.deepEqual(app.env, [
    { name: "MY_POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    { name: "LIMIT", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1m" } } },
  ]);
  assert.deepEqual(app.volumeMounts, [{ name: "podinfo", mountPath: "/podinfo", readOnly: true }]);
  assert.deepEqual(spec.volumes[0].downwardAPI.items.map((i: any) => i.path), ["labels", "annotations", "memoryLimit"]);
  assert.equal(spec.volumes[0].downwardAPI.items[2].resourceFieldRef.containerName, "web");
  const list = podSpec(expand(service({ ...base, patterns: [downwardApi({ env: ["namespace", "nodeName"] })] }))).containers[0].env;
  assert.deepEqual(list.map((e: any) => e.name), ["POD_NAMESPACE", "NODE_NAME"]);
});

test("downwardApi checks", () => {
  throwsCode(() => downwardApi({ env: ["podname" as never] }), "TKC2420");
  throwsCode(() => downwardApi({}), "TKC2420");
  throwsCode(() => downwardApi({ files: { mountPath: "podinfo" } }), "TKC2421");
  throwsCode(() => downwardApi({ files: { fields: ["podIP"] } }), "TKC2421", /only available as an env var/);
  throwsCode(() => expand(service({ ...base, env: { POD_NAME: "x" }, patterns: [downwardApi({ env: ["podName"] })] })), "TKC2422", /POD_NAME/);
});


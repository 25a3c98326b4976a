import { test } from "node:test";
import assert from "node:assert/strict";
import { perEnv, service, sized } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const port = { name: "http", containerPort: 8080 };

test("sized() returns the table's row, per environment too", () => {
  assert.deepEqual(sized("medium"), { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "512Mi" } });
  assert.deepEqual(sized("small", { guaranteed: true }).limits, { cpu: "100m", memory: "128Mi" });
  const api = service({ name: "api", image: "a:1", port, resources: sized(perEnv({ dev: "xsmall", prod: "2xlarge" })) });
  assert.equal(find(expand(api, "prod"), "Deployment", "api").spec.template.spec.containers[0].resources.requests.cpu, "2");
  assert.equal(failureCode(() => sized("huge" as never)), "TKC2220");
});


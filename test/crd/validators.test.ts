import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { builtinCustomResources, crdValidatorModulePath } from "../../compiler/validate/schema/custom.js";
import { findCustomKind } from "../../schemas/crds/index.js";
import { scaledObject, serviceMonitor, vpa } from "./helpers.js";

const built = existsSync(crdValidatorModulePath(findCustomKind("monitoring.coreos.com/v1", "ServiceMonitor")!));

describe("CRD validators", () => {
  it("precompiled and run-time compiled validators report the same errors", { skip: !built && "run npm run build first" }, () => {
    const precompiled = builtinCustomResources();
    const runtime = builtinCustomResources({ precompiled: false });
    const bad = [serviceMonitor({ intervall: "1m", targetPort: true }), vpa("Sometimes"), scaledObject(-1)].map((o) => JSON.parse(JSON.stringify(o)));
    for (const object of bad) {
      const info = findCustomKind(object.apiVersion, object.kind)!;
      const a = precompiled.validator(info);
      const b = runtime.validator(info);
      assert.notEqual(a, b);
      assert.equal(a(object), false);
      assert.equal(b(object), false);
      const strip = (errors: typeof a.errors) => (errors ?? []).map((e) => [e.keyword, e.instancePath, JSON.stringify(e.params)]);
      assert.deepEqual(strip(a.errors), strip(b.errors));
    }
  });
});

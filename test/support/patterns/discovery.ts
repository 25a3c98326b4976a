import assert from "node:assert/strict";
import { expandContext, type Component, type ExpandContext } from "../../../stdlib/core/component.js";
import { DescriptorError } from "../../../stdlib/core/errors.js";
import { runReporting } from "../reports.js";

export function contextFor(env = "dev"): ExpandContext {
  return expandContext({ name: env, namespace: `shop-${env}`, values: {} }, { name: "shop", version: "1.0.0" });
}

/** Expand a component for one environment; objects by `Kind/name`. */
export function expand(component: Component, env = "dev"): Map<string, any> {
  const out = new Map<string, any>();
  for (const draft of runReporting(() => component.expand(contextFor(env))).value) out.set(`${draft.object.kind}/${draft.object.metadata?.name}`, draft.object);
  return out;
}

export function podSpec(objects: Map<string, any>, kind = "Deployment"): any {
  const workload = [...objects.entries()].find(([key]) => key.startsWith(`${kind}/`));
  assert.ok(workload, `a ${kind}`);
  const spec = workload[1].spec;
  return (spec.jobTemplate?.spec ?? spec).template.spec;
}

export function throwsCode(fn: () => unknown, code: string, message?: RegExp): void {
  assert.throws(() => runReporting(fn), (error: unknown) => {
    assert.ok(error instanceof DescriptorError, `a DescriptorError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    assert.ok(error.hint, "carries a hint");
    return true;
  });
}

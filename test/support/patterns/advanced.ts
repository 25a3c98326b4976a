import assert from "node:assert/strict";
import { expandContext, type Component, type ExpandContext } from "../../../stdlib/core/component.js";
import { DescriptorError } from "../../../stdlib/core/errors.js";
import { runReporting } from "../reports.js";

/** The context a release gives its components for one environment. */
export function contextFor(env = "prod", namespace = `shop-${env}`): ExpandContext {
  return expandContext({ name: env, namespace, values: {} }, { name: "shop", version: "1.0.0" });
}

export interface Emitted {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  readonly [field: string]: any;
}

/** Expand a component for one environment into plain objects (as the compiler reads them). */
export function expand(component: Component, env = "prod"): Emitted[] {
  return runReporting(() => component.expand(contextFor(env))).value.map((draft) => JSON.parse(JSON.stringify(draft.object)) as Emitted);
}

export function find(objects: readonly Emitted[], kind: string, name?: string): Emitted {
  const hit = objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  assert.ok(hit, `no ${kind}${name ? ` '${name}'` : ""} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(", ")}`);
  return hit;
}

/** Assert that `run` reports a user mistake with this code (and message fragment). */
export function assertFails(run: () => unknown, code: string, message?: RegExp): DescriptorError {
  try {
    runReporting(run);
  } catch (error) {
    assert.ok(error instanceof DescriptorError, `expected a DescriptorError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    assert.ok(error.hint && error.hint.length > 0, "carries a hint");
    return error;
  }
  assert.fail(`expected ${code}, but nothing failed`);
}

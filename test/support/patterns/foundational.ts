import { expandContext, type Component, type ExpandContext } from "../../../stdlib/core/component.js";
import { DescriptorError } from "../../../stdlib/core/errors.js";
import { runReporting } from "../reports.js";

/** Expand a component for one environment, as the compiler would (no origins outside a build). */
export function expand(component: Component, env = "dev"): Record<string, any>[] {
  const context: ExpandContext = expandContext({ name: env, namespace: `ns-${env}`, values: {} }, { name: "rel", version: "1.0.0" });
  return runReporting(() => component.expand(context)).value.map((d) => d.object as Record<string, any>);
}

export function find(objects: Record<string, any>[], kind: string, name: string): Record<string, any> {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(", ")}`);
  return found;
}

/** The DescriptorError code `run` fails with. */
export function failureCode(run: () => unknown): string | undefined {
  try {
    runReporting(run);
  } catch (error) {
    if (error instanceof DescriptorError) return error.code;
    throw error;
  }
  return undefined;
}

import type { Diagnostic } from "./diagnostic.js";

/**
 * The same mistake usually shows up in every environment; print it once and say where else.
 * `tagged` pairs each diagnostic with the environment it came from (undefined: not per environment).
 */
export function dedupeAcrossEnvironments(tagged: readonly { diagnostic: Diagnostic; environment?: string }[]): Diagnostic[] {
  const order: string[] = [];
  const groups = new Map<string, { diagnostic: Diagnostic; environments: string[] }>();
  for (const { diagnostic, environment } of tagged) {
    const loc = diagnostic.location;
    const key = [diagnostic.code, diagnostic.message, diagnostic.path ?? "", loc ? `${loc.file}:${loc.line}:${loc.column}` : ""].join("\u0000");
    const group = groups.get(key);
    if (group) {
      if (environment && !group.environments.includes(environment)) group.environments.push(environment);
    } else {
      groups.set(key, { diagnostic, environments: environment ? [environment] : [] });
      order.push(key);
    }
  }
  return order.map((key) => {
    const { diagnostic, environments } = groups.get(key)!;
    if (environments.length <= 1) return environments.length === 1 ? { ...diagnostic, related: [...(diagnostic.related ?? []), { message: `in environment ${environments[0]}` }] } : diagnostic;
    return { ...diagnostic, related: [...(diagnostic.related ?? []), { message: `in environments ${environments.join(", ")}` }] };
  });
}

/**
 * Names of imported objects. An object may have only `metadata.generateName` (`migrate-`: the API
 * server names it at create, as Argo Workflows and one-off Jobs do): it has no name to repeat or to
 * be referred to by, and the import read it as the name "undefined".
 */
interface Named {
  readonly metadata?: { readonly name?: unknown; readonly generateName?: unknown } | null;
}

/** Its metadata.name, or undefined for an object the API server names. */
export function nameOf(object: Named): string | undefined {
  const name = object.metadata?.name;
  return typeof name === "string" ? name : undefined;
}

/** What it is grouped and filed by: its name, or the stem of its generateName (`migrate-` -> `migrate`). */
export function groupingName(object: Named): string {
  const generated = object.metadata?.generateName;
  return nameOf(object) ?? (typeof generated === "string" ? generated.replace(/-+$/, "") : "");
}

/** How the import's report shows it: its name, or `migrate-<generated>`. */
export function shownName(object: Named): string {
  const generated = object.metadata?.generateName;
  return nameOf(object) ?? (typeof generated === "string" ? `${generated}<generated>` : "<unnamed>");
}

import { UsageError } from "./usage-error.js";

/**
 * `--env dev,prod` and `--env dev --env prod` mean the same two environments: split every value
 * at commas, trim, drop empty items and repeats, keep the order given.
 */
export function commaList(values: string | readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const items = (typeof values === "string" ? [values] : values).flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter(Boolean);
  return [...new Set(items)];
}

/** A repeatable option's values; not yargs' `array: true`, which would swallow the positional argument after it. */
export function repeated(value: string | readonly string[]): string[] {
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * Why `--keep` is unusable, or undefined: yargs reads `--keep abc` as NaN and `--keep -1` as -1,
 * and either once pruned nothing without a word.
 */
export function keepProblem(keep: number | undefined): string | undefined {
  if (keep === undefined || (Number.isInteger(keep) && keep >= 1)) return undefined;
  return `--keep ${Number.isNaN(keep) ? "needs" : `${keep}: give`} a whole number of revisions, at least 1`;
}

/** `--env` as a list: `--env=` or `--env ,` names no environment, a usage error rather than "all". */
export function environmentList(values: string | readonly string[] | undefined): string[] | undefined {
  const list = commaList(values);
  if (list !== undefined && list.length === 0) throw new UsageError("--env needs an environment name");
  return list;
}

/** The options declared with listOption (names, camelCase forms, aliases): lastOfRepeats leaves them whole. */
const listKeys = new Set<string>(["_"]);

/** Declares an option (or an array positional) as a list, each value given kept: `.option(...listOption("set", {...}))`. */
export function listOption<const N extends string, const T extends object>(name: N, config: T): readonly [N, T] {
  listKeys.add(name).add(name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
  const alias = (config as { readonly alias?: unknown }).alias;
  if (typeof alias === "string") listKeys.add(alias);
  return [name, config];
}

/**
 * Any other option given twice (`--out a --out b`) is its last value, as Helm's and kubectl's
 * flags are: yargs made it an array, which reached the commands as a path (an internal error).
 */
export function lastOfRepeats(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (Array.isArray(value) && !listKeys.has(key)) argv[key] = value[value.length - 1];
  }
}

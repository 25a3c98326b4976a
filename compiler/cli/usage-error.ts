/** A mistake in the command line itself: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}

/**
 * An option that names something must name it: `--out=` or `--env=` gave an empty string, and
 * `--out ""` built into the working folder, `--env=` built nothing and said nothing. For yargs'
 * `coerce`, which passes the thrown error on to main's usage report.
 */
export function named(option: string, what: string) {
  return <T extends string | readonly string[] | undefined>(value: T): T => {
    const values: readonly unknown[] = value === undefined ? [] : typeof value === "string" ? [value] : (value as readonly string[]);
    if (values.some((v) => String(v).trim() === "")) throw new UsageError(`--${option} needs ${what}`);
    return value;
  };
}

import { UsageError } from "./usage-error.js";

// Go's strconv.ParseBool, which Helm's and kubectl's flags read `--flag=value` with.
const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/**
 * A yargs middleware: `--flag=value` of a boolean option is true or false as Helm's flags read
 * it, and any other value a usage error. yargs read every value but "true" as false, so
 * `--exit-code=yes` (or `=1`) turned the option off without a word.
 */
export function strictBooleans(raw: readonly string[]): (argv: Record<string, unknown>) => void {
  const end = raw.indexOf("--");
  const given = end === -1 ? raw : raw.slice(0, end);
  return (argv) => {
    for (const token of given) {
      const match = /^--([^=]+)=(.*)$/s.exec(token);
      if (!match || typeof argv[match[1]!] !== "boolean") continue;
      const [, name, value] = match as unknown as [string, string, string];
      if (!TRUE.has(value) && !FALSE.has(value)) throw new UsageError(`--${name}=${value}: give true or false (or leave the value out for true)`);
      const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      argv[name] = argv[camel] = TRUE.has(value);
    }
  };
}

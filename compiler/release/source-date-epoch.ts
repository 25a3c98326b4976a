import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { shownJson } from "../../stdlib/core/shown.js";

/** The last second an RFC 3339 time (four-digit year) can name: 9999-12-31T23:59:59Z. */
const LAST_SECOND = 253402300799;

/**
 * SOURCE_DATE_EPOCH as reproducible-builds.org defines it: the whole number of seconds since
 * 1970-01-01 UTC, as `date +%s` prints it. Unset or empty: no time is given. Anything else is a
 * mistake the spec says a build must stop on, rather than fall back to the clock: a CI that meant
 * to pin its histories' times would otherwise get a different history on every run, unwarned.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): { readonly seconds?: number; readonly problem?: Diagnostic } {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === "") return {};
  const seconds = /^\d{1,12}$/.test(text) ? Number(text) : NaN;
  if (seconds <= LAST_SECOND) return { seconds };
  const why = /^\d+$/.test(text) ? "a time past the year 9999" : "not a whole number of seconds since 1970-01-01 UTC (as `date +%s` prints it)";
  return {
    problem: error("TKC1007", `SOURCE_DATE_EPOCH is ${shownJson(text)}: ${why}`, {
      hint: "set it from the commit (SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), or unset it to record the time of the build",
    }),
  };
}

/** An epoch second as RFC 3339 UTC without fractions: `2026-12-02T03:00:00Z`. */
export function epochTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

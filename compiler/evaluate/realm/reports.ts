import type { LocationData, ReportData, ThrownData } from "../data.js";
import type { Reported } from "../../../stdlib/core/report.js";
import { locationData } from "./location.js";

const text = (value: unknown, fallback: string): string => {
  try {
    return typeof value === "string" ? value : String(value);
  } catch {
    return fallback;
  }
};

/** Related notes as data (a descriptor may have handed anything in). */
export function notesData(notes: unknown): ReportData["related"] {
  if (!Array.isArray(notes)) return undefined;
  const out: { message: string; location?: LocationData }[] = [];
  try {
    for (const note of notes.slice(0, 20)) {
      if (typeof note !== "object" || note === null) continue;
      const { message, at, location } = note as { message?: unknown; at?: unknown; location?: unknown };
      out.push({ message: text(message, "note"), location: locationData(at ?? location) });
    }
  } catch {
    // a hostile note list: keep what was read
  }
  return out.length > 0 ? out : undefined;
}

/** What the stdlib's report sink collected, as data; lazy origins are resolved now (reports are few, and all shown). */
export function reportsData(reported: readonly Reported[], fallback: unknown): ReportData[] {
  // Resolving a location reads the call's stack through the source map: only for real reports
  // (every component passes its origin here; at N=500 resolving them all cost ~250 ms).
  if (reported.length === 0) return [];
  const fallbackData = locationData(fallback);
  return reported.map((r) => ({
    code: text(r.code, "TKC2900"),
    severity: r.severity === "warning" ? "warning" : "error",
    message: text(r.message, "a mistake"),
    hint: r.hint === undefined ? undefined : text(r.hint, ""),
    location: locationData(r.at),
    fallback: fallbackData,
    related: notesData(r.related),
  }));
}

/** A `fail` that stopped a whole component, reported like the rest. */
export function thrownReport(thrown: ThrownData, fallback: unknown): ReportData {
  return { code: thrown.code ?? "TKC2002", severity: "error", message: thrown.message, hint: thrown.hint, location: thrown.location, fallback: locationData(fallback), related: thrown.related };
}

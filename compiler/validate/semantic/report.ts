import type { Diagnostic, RelatedInformation, Severity } from "../../diagnostics/diagnostic.js";
import { describeObject } from "../../model/object.js";
import { formatPath, type JsonPath } from "../../model/path.js";
import { locate } from "../locate.js";
import type { IndexedObject } from "./object-index.js";

/** What a rule says about one object; the reporter adds object name, path text and location. */
export interface Reporter {
  error(code: string, path: JsonPath, message: string, hint: string, related?: readonly RelatedInformation[]): void;
  warning(code: string, path: JsonPath, message: string, hint: string, related?: readonly RelatedInformation[]): void;
  /**
   * An opinion rather than an API server rule (pinned image tags, a Service whose pods lack the
   * named port): an error in `tkc build` of the user's own descriptors, a warning in `tkc validate`
   * of other people's YAML unless `--policy error` asks for errors.
   */
  policy(code: string, path: JsonPath, message: string, hint: string, related?: readonly RelatedInformation[]): void;
}

/** A diagnostic with the keys it is sorted by. */
export interface Finding {
  readonly objectIndex: number;
  readonly path: JsonPath;
  readonly diagnostic: Diagnostic;
}

export function reporterFor(target: IndexedObject, sink: Finding[], policy: Severity = "error"): Reporter {
  const add = (severity: Severity) => (code: string, path: JsonPath, message: string, hint: string, related?: readonly RelatedInformation[]) => {
    const location = locate(target.sourced, path);
    sink.push({
      objectIndex: target.index,
      path,
      diagnostic: {
        code,
        severity,
        message,
        path: formatPath(path),
        object: describeObject(target.object),
        hint,
        ...(location ? { location } : {}),
        ...(related && related.length > 0 ? { related } : {}),
      },
    });
  };
  return { error: add("error"), warning: add("warning"), policy: add(policy) };
}

/** A note pointing at a place inside another (or the same) object. */
export function relatedAt(other: IndexedObject, path: JsonPath, message: string): RelatedInformation {
  const location = locate(other.sourced, path);
  return location ? { message, location } : { message };
}

/** Order by object, then path (indexes numerically), then the order rules reported in. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.objectIndex !== b.objectIndex) return a.objectIndex - b.objectIndex;
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const x = a.path[i]!;
    const y = b.path[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.path.length - b.path.length;
}

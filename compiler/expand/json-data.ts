import { formatPath, type JsonPath } from "../model/path.js";

/** A value that cannot go into YAML: found while copying an expanded object. */
export interface NotJson {
  readonly path: string;
  readonly what: string;
}

/**
 * Copy an expanded object into plain JSON data, skipping `undefined` properties and reporting
 * what YAML cannot carry (functions, NaN, class instances...). The copy also cuts every link to
 * descriptor-realm objects, so later stages never touch sandbox values.
 */
export function toJsonData(value: unknown, problems: NotJson[], path: (string | number)[] = []): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isFinite(value)) return Object.is(value, -0) ? 0 : value;
      problems.push({ path: formatPath(path), what: String(value) });
      return null;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) {
        return value.map((item, index) => {
          if (item === undefined) problems.push({ path: formatPath([...path, index]), what: "undefined" });
          return toJsonData(item, problems, [...path, index]);
        });
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) {
        problems.push({ path: formatPath(path as JsonPath), what: `a ${proto.constructor?.name ?? "class"} instance` });
        return null;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        path.push(key);
        out[key] = toJsonData(item, problems, path);
        path.pop();
      }
      return out;
    }
    case "undefined":
      return null;
    default:
      problems.push({ path: formatPath(path), what: `a ${typeof value}` });
      return null;
  }
}

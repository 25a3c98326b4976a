import type { NotJsonData } from "../data.js";
import { formatPath } from "../../model/path.js";

// Captured when the realm script loads, before any descriptor runs.
const { getPrototypeOf, keys: ownKeys } = Object;
const isArray = Array.isArray;
const isFinite = Number.isFinite;
// ES2024, in Node 20's V8; the types here are ES2022.
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

/** What an unpaired surrogate (`"\ud800"`) is called: JavaScript holds one, UTF-8 and kubectl's reader do not. */
export const UNPAIRED_SURROGATE = "a string with an unpaired surrogate";

/** Raised when an object's copy passes the size limit: copying stops there. */
export class TooLarge {
  constructor(readonly bytes: number) {}
}


/**
 * Copy a value a descriptor produced into plain JSON data, inside the realm (so getters and
 * proxies run under the time limit), skipping `undefined` properties and reporting what YAML
 * cannot carry: functions, NaN, class instances, reference cycles and `__proto__` keys. Hooks
 * such as `toJSON` and `Symbol.toPrimitive` are never called. Throws TooLarge past `maxBytes`.
 */
export function toData(value: unknown, problems: NotJsonData[], maxBytes: number): unknown {
  const ancestors = new Set<object>();
  const path: (string | number)[] = [];
  let bytes = 0;
  // The path as data, for the field's origin (copied by index: no iterator runs)
  const pathNow = () => {
    const at: (string | number)[] = [];
    for (let i = 0; i < path.length; i++) at[i] = path[i]!;
    return at;
  };
  const grow = (n: number) => {
    bytes += n;
    if (bytes > maxBytes) throw new TooLarge(bytes);
  };
  const copy = (item: unknown): unknown => {
    switch (typeof item) {
      case "string":
        grow(item.length + 2);
        if (!isWellFormed.call(item)) problems.push({ path: formatPath(path), at: pathNow(), what: UNPAIRED_SURROGATE });
        return item;
      case "boolean":
        grow(5);
        return item;
      case "number":
        grow(8);
        if (isFinite(item)) return Object.is(item, -0) ? 0 : item;
        problems.push({ path: formatPath(path), at: pathNow(), what: String(item) });
        return null;
      case "undefined":
        return null;
      case "object": {
        if (item === null) return null;
        if (ancestors.has(item)) {
          problems.push({ path: formatPath(path), at: pathNow(), what: "a reference cycle" });
          return null;
        }
        ancestors.add(item);
        try {
          if (isArray(item)) {
            // A byte per element, charged first: `a.length = 4e9` is too large at once, not
            // after billions of holes (and a problem for each) have used up the time limit.
            grow(item.length);
            const out: unknown[] = [];
            for (let index = 0; index < item.length; index++) {
              const element = (item as unknown[])[index];
              path.push(index);
              if (element === undefined) problems.push({ path: formatPath(path), at: pathNow(), what: "undefined" });
              out.push(copy(element));
              path.pop();
            }
            return out;
          }
          const proto = getPrototypeOf(item);
          if (proto !== null && getPrototypeOf(proto) !== null) {
            const name = typeof proto.constructor === "function" && typeof proto.constructor.name === "string" ? proto.constructor.name : "class";
            problems.push({ path: formatPath(path), at: pathNow(), what: `a ${name} instance` });
            return null;
          }
          const out: Record<string, unknown> = {};
          for (const key of ownKeys(item)) {
            const field = (item as Record<string, unknown>)[key];
            if (field === undefined) continue;
            path.push(key);
            if (key === "__proto__") {
              problems.push({ path: formatPath(path), at: pathNow(), what: "a __proto__ key" });
            } else {
              grow(key.length + 4);
              if (!isWellFormed.call(key)) problems.push({ path: formatPath(path), at: pathNow(), what: `a key with an unpaired surrogate` });
              out[key] = copy(field);
            }
            path.pop();
          }
          return out;
        } finally {
          ancestors.delete(item);
        }
      }
      default:
        problems.push({ path: formatPath(path), at: pathNow(), what: `a ${typeof item}` });
        return null;
    }
  };
  return copy(value);
}

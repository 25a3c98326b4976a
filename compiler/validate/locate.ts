import type { SourcedObject } from "../model/object.js";
import type { SourceLocation } from "../model/source.js";
import { type JsonPath, toPointer } from "../model/path.js";

/**
 * The most precise user location for a path inside an object: the deepest recorded field origin
 * that is a prefix of the path, else the call that produced the object.
 */
export function locate(sourced: SourcedObject, path: JsonPath): SourceLocation | undefined {
  const origins = sourced.fieldOrigins;
  if (origins && origins.size > 0) {
    for (let n = path.length; n >= 0; n--) {
      const hit = origins.get(toPointer(path.slice(0, n)));
      if (hit) return hit;
    }
  }
  return sourced.resolveField?.(path) ?? sourced.origin;
}

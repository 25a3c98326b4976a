/** A path inside a JSON value: property names and array indexes. */
export type JsonPath = readonly (string | number)[];

/** `spec.template.spec.containers[0].image`: how paths are shown to users. */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** RFC 6901 JSON pointer, the key of `SourcedObject.fieldOrigins`. */
export function toPointer(path: JsonPath): string {
  return path.map((s) => "/" + pointerSegment(String(s))).join("");
}

/** One segment of a JSON pointer (`~` and `/` escaped); most keys have neither, so they are kept as they are. */
export function pointerSegment(segment: string): string {
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

export function fromPointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

import type { ErrorObject } from "ajv";
import { error, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeObject, type KubeObject, type SourcedObject } from "../../model/object.js";
import { formatPath, fromPointer, type JsonPath } from "../../model/path.js";
import { propertyNamesAt, schemaAt } from "../../../schemas/index.js";
import { locate } from "../locate.js";
import { didYouMean } from "./suggest.js";

export const UNKNOWN_FIELD = "TKC3002";
export const WRONG_TYPE = "TKC3003";
export const MISSING_FIELD = "TKC3004";
export const BAD_VALUE = "TKC3005";

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/**
 * `string "4"`, `integer 8080`, `object`: the value as shown in a message, kept short. A long
 * string is cut before it is quoted, so the message holds a copy of 57 characters, never a slice
 * that keeps the whole (possibly megabytes long) value alive.
 */
function describeValue(value: unknown, secret = false): string {
  const type = jsonType(value);
  if (type === "object" || type === "array" || type === "null" || secret) return type;
  // `1e400` or `.inf`: JSON has no such number (JSON.stringify would say null).
  if (typeof value === "number" && !Number.isFinite(value)) return `${Number.isNaN(value) ? "NaN" : value > 0 ? "infinity" : "minus infinity"}, a number JSON cannot carry`;
  if (typeof value === "string" && value.length > 57) return `${type} ${JSON.stringify(value.slice(0, 57)).slice(0, -1)}..."`;
  return `${type} ${JSON.stringify(value)}`;
}

/** The value as JSON, a long string cut (and copied) first. */
function quoteShort(value: unknown): string {
  if (typeof value === "string" && value.length > 57) return `${JSON.stringify(value.slice(0, 57)).slice(0, -1)}..."`;
  return JSON.stringify(value) ?? String(value);
}

/** A Secret's data and stringData values never appear in a message, a hint or a code frame. */
function isSecretValue(object: { apiVersion?: unknown; kind?: unknown }, path: JsonPath): boolean {
  return object.kind === "Secret" && object.apiVersion === "v1" && (path[0] === "data" || path[0] === "stringData") && path.length > 1;
}

function expectedTypes(type: unknown): string[] {
  return (Array.isArray(type) ? type : String(type).split(",")).map(String);
}

function typeHint(expected: readonly string[], value: unknown, secret = false): string {
  if (secret) return expected.includes("string") ? "quote the value, so that YAML reads it as a string" : `change the value to ${expected.join(" or ")}`;
  const numeric = typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
  if (expected.includes("integer") && numeric && Number.isInteger(Number(value))) return `write ${Number(value)} without quotes`;
  if (expected.includes("number") && numeric) return `write ${Number(value)} without quotes`;
  if (expected.includes("integer") && typeof value === "number") return `use a whole number, e.g. ${Math.round(value)}`;
  if (expected.includes("string") && (typeof value === "number" || typeof value === "boolean")) return `quote it: "${String(value)}"`;
  if (expected.includes("array") && value !== null && typeof value === "object") return "wrap it in a list: [ ... ]";
  return `change the value to ${expected.join(" or ")}`;
}

const FORMAT_TEXT: Readonly<Record<string, { what: string; hint: string }>> = {
  "date-time": { what: "an RFC 3339 date-time", hint: 'use a date-time with a time zone, e.g. "2026-01-31T12:00:00Z"' },
  byte: { what: "base64-encoded data", hint: "base64-encode the value (or put plain text under stringData)" },
  int32: { what: "a 32-bit integer", hint: "use a whole number between -2147483648 and 2147483647" },
  int64: { what: "a 64-bit integer", hint: "use a whole number within the safe integer range" },
};

/**
 * The code of an enum error: the `x-tkc-code` next to the enum in schema.json (the overlay of
 * schemas/generator/enums.ts keeps the codes of checks that semantic rules made before), else TKC3005.
 */
function enumCode(object: KubeObject, path: JsonPath, kubeVersion: string): string {
  const code = schemaAt(kubeVersion, object.apiVersion, object.kind, path)?.["x-tkc-code"];
  return typeof code === "string" ? code : BAD_VALUE;
}

export interface ErrorContext {
  readonly sourced: SourcedObject;
  readonly kubeVersion: string;
  /** Field names allowed at a path, for "did you mean"; defaults to the Kubernetes schema of the kind. */
  readonly propertyNames?: (path: JsonPath) => readonly string[] | undefined;
}

/**
 * One diagnostic per ajv error, in user terms. Returns undefined for errors that are not user
 * mistakes the API server would reject (a `null` where a value is expected: the API server
 * decodes null as "unset").
 */
export function diagnosticFor(e: ErrorObject, context: ErrorContext): Diagnostic | undefined {
  const object = context.sourced.object;
  const base = fromPointer(e.instancePath);
  const value = valueAt(object, base);
  const extra = (path: JsonPath, hint: string) => {
    const location = locate(context.sourced, path);
    return { path: formatPath(path), object: describeObject(object), hint, ...(location ? { location } : {}) };
  };
  const where = (path: JsonPath) => (path.length === 0 ? "the object" : formatPath(path));
  const secret = isSecretValue(object, base);

  switch (e.keyword) {
    case "additionalProperties": {
      const field = String((e.params as { additionalProperty: string }).additionalProperty);
      const path = [...base, field];
      const allowed = (context.propertyNames ? context.propertyNames(base) : propertyNamesAt(context.kubeVersion, object.apiVersion, object.kind, base)) ?? [];
      const suggestion = didYouMean(field, allowed);
      const hint = suggestion
        ? `did you mean "${suggestion}"?`
        : allowed.length > 0
          ? `remove it; fields allowed here: ${allowed.slice(0, 12).join(", ")}${allowed.length > 12 ? ", ..." : ""}`
          : "remove it";
      return error(UNKNOWN_FIELD, `unknown field "${field}" in ${where(base)}`, extra(path, hint));
    }
    case "type": {
      if (value === null) return undefined;
      const expected = expectedTypes((e.params as { type: unknown }).type);
      return error(WRONG_TYPE, `${where(base)}: expected ${expected.join(" or ")}, got ${describeValue(value, secret)}`, extra(base, typeHint(expected, value, secret)));
    }
    case "required": {
      const field = String((e.params as { missingProperty: string }).missingProperty);
      // An object embedded in another (a StatefulSet's volumeClaimTemplates) needs no apiVersion or kind.
      if (base.length > 0 && (field === "apiVersion" || field === "kind")) return undefined;
      return error(MISSING_FIELD, `missing required field "${field}" in ${where(base)}`, extra([...base, field], `add ${field}`));
    }
    case "pattern": {
      if (e.schemaPath.includes("/definitions/Quantity/")) {
        return error(BAD_VALUE, `${where(base)}: invalid quantity ${quoteShort(value)}`, extra(base, 'use a Kubernetes quantity such as "500m", "1", "1.5", "256Mi" or "2Gi" (no spaces or units like "core")'));
      }
      return error(BAD_VALUE, `${where(base)}: ${secret ? "the value" : quoteShort(value)} does not match ${String((e.params as { pattern: string }).pattern)}`, extra(base, "fix the value's syntax"));
    }
    case "format": {
      const format = String((e.params as { format: string }).format);
      const text = FORMAT_TEXT[format] ?? { what: `format ${format}`, hint: `use a valid ${format} value` };
      return error(BAD_VALUE, `${where(base)}: ${secret ? "the value" : describeValue(value)} is not ${text.what}`, extra(base, text.hint));
    }
    case "enum": {
      const listed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).filter((v) => v !== null);
      // A value of another type than every allowed value already has its `type` error: one mistake, one report.
      if (listed.length > 0 && listed.every((v) => jsonType(v) !== jsonType(value))) return undefined;
      // The built-in enums also accept "" (the server's "unset", schemas/generator/enums.ts): not worth offering.
      const allowed = listed.some((v) => v !== "") ? listed.filter((v) => v !== "") : listed;
      const list = allowed.map((v) => JSON.stringify(v)).join(", ");
      const close = typeof value === "string" ? didYouMean(value, allowed.filter((v): v is string => typeof v === "string")) : undefined;
      return error(enumCode(object, base, context.kubeVersion), `${where(base)}: ${describeValue(value)} is not one of the allowed values ${list}`, extra(base, close ? `did you mean ${JSON.stringify(close)}?` : `use one of ${list}`));
    }
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum": {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      return error(BAD_VALUE, `${where(base)}: ${describeValue(value)} must be ${comparison} ${limit}`, extra(base, `use a value ${comparison} ${limit}`));
    }
    case "oneOf":
    case "anyOf":
    case "not":
      return error(BAD_VALUE, `${where(base)}: the value does not fit the forms the schema allows (${e.keyword})`, extra(base, "see the field's documentation in the types (hover it in your editor)"));
    case "const": {
      const allowed = JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
      return error(BAD_VALUE, `${where(base)}: expected ${allowed}, got ${describeValue(value)}`, extra(base, `set it to ${allowed}`));
    }
    default:
      return error(BAD_VALUE, `${where(base)}: ${e.message ?? "invalid value"}`, extra(base, "fix the value"));
  }
}

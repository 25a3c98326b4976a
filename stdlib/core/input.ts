import { captureOrigin, type SourceLocation } from "./origin.js";
import { report } from "./report.js";
import { shownText } from "./shown.js";
import { forEnv, type PerEnv } from "./per-environment.js";

/** The type of a scalar input: a string, a number, a boolean, or one of a list of strings (an enum). */
export type InputScalarType = "string" | "number" | "boolean" | readonly string[];
/** The type of an input: a scalar, or a small object whose fields are scalars. */
export type InputType = InputScalarType | { readonly [field: string]: InputScalarType };

/** The TypeScript type of an input's value, from its declared type. */
export type InputValue<T extends InputType> = T extends "string"
  ? string
  : T extends "number"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends readonly (infer E extends string)[]
        ? E
        : T extends { readonly [field: string]: InputScalarType }
          ? { readonly [K in keyof T]: T[K] extends InputScalarType ? InputValue<T[K]> : never }
          : never;

export interface InputOptions<T extends InputType> {
  /** `"string"`, `"number"`, `"boolean"`, a list of strings (an enum), or an object of those. */
  readonly type: T;
  /** The value when neither `--set` nor `--values` gives one. */
  readonly default: InputValue<T>;
  /** Shown by `tkc inputs`: what the value is for. */
  readonly description?: string;
  /**
   * Allow a value per environment (`--set prod.NAME=VALUE`, or an `environments:` section of a
   * values file); the input is then read as a per-environment value, accepted by every option.
   * @default false
   */
  readonly perEnvironment?: boolean;
}

/** A value given from outside, as the host sends it (plain data, parsed inside the realm). */
export type SuppliedValue =
  /** `--set KEY=TEXT`; KEY is `NAME`, `NAME.FIELD`, `ENV.NAME` or `ENV.NAME.FIELD`. */
  | { readonly from: "set"; readonly key: string; readonly text: string }
  /** An entry of a values file (`environment` when it is in the file's `environments:` section). */
  | { readonly from: "values"; readonly file: string; readonly name: string; readonly environment?: string; readonly value: unknown };

/** Where an input's value came from. */
export type InputSource = "default" | "--set" | "--values";

/** What a build learns about one declared input. */
export interface DeclaredInput {
  readonly name: string;
  readonly type: InputType;
  readonly default: unknown;
  readonly description?: string;
  readonly perEnvironment: boolean;
  readonly origin: SourceLocation | undefined;
  readonly value: unknown;
  readonly source: InputSource;
  /** Per-environment values that differ from `value` (only for `perEnvironment` inputs). */
  readonly environments: Readonly<Record<string, { readonly value: unknown; readonly source: InputSource }>>;
}

/** A supplied value that does not fit its input's declared type. */
export interface InputProblem {
  readonly name: string;
  readonly message: string;
  readonly hint: string;
  readonly origin: SourceLocation | undefined;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A values file's section of per-environment values; no input can be named so. */
export const ENVIRONMENTS_KEY = "environments";

let supplied: readonly SuppliedValue[] = [];
let used = new Set<number>();
let declared: DeclaredInput[] = [];
let problems: InputProblem[] = [];

/** Set by the evaluation realm before the descriptors run: the values of this build. */
export function supplyInputs(values: readonly SuppliedValue[]): void {
  supplied = values;
  used = new Set();
  declared = [];
  problems = [];
}

/** After loading: every declared input, the problems found, and which supplied values were used. */
export function takeInputs(): { declared: readonly DeclaredInput[]; problems: readonly InputProblem[]; used: readonly number[] } {
  return { declared, problems, used: [...used].sort((a, b) => a - b) };
}

/**
 * Declare a build input and read its value: `--set NAME=VALUE`, a values file, or the default.
 * `const imageTag = input("imageTag", { type: "string", default: "2.4.0" })` is a `string`.
 */
export function input<const T extends InputType>(name: string, options: InputOptions<T> & { readonly perEnvironment: true }): PerEnv<InputValue<T>>;
export function input<const T extends InputType>(name: string, options: InputOptions<T> & { readonly perEnvironment?: false }): InputValue<T>;
export function input<const T extends InputType>(name: string, options: InputOptions<T>): InputValue<T> | PerEnv<InputValue<T>> {
  const origin = captureOrigin();
  const type = checkDeclaration(name, options, origin);
  const perEnvironment = options?.perEnvironment === true;
  const defaultValue = options?.default as unknown;
  // A declaration with a mistake (reported) gives its default, so the descriptor goes on.
  if (type === undefined) return (perEnvironment ? forEnv(() => defaultValue) : defaultValue) as InputValue<T>;
  const problem = (message: string, hint: string) => problems.push({ name, message, hint, origin });

  let value = defaultValue;
  let source: InputSource = "default";
  const perEnv: Record<string, { value: unknown; source: InputSource }> = {};
  // Values for every environment first, then those for one environment on top of them.
  const claims = supplied.map((entry, index) => ({ entry, index, target: claim(entry, name, type) }));
  const ordered = [...claims.filter((c) => c.target && c.target.environment === undefined), ...claims.filter((c) => c.target?.environment !== undefined)];
  for (const { entry, index, target } of ordered) {
    used.add(index);
    const environment = target!.environment;
    if (environment !== undefined && !perEnvironment) {
      problem(`input '${name}' has one value for every environment, but ${describeEntry(entry)} sets it for environment '${environment}'`, "declare it with perEnvironment: true, or set it without the environment");
      continue;
    }
    const current = environment === undefined ? { value, source } : (perEnv[environment] ?? { value, source });
    const next = apply(name, type, current.value, entry, target!.field);
    if ("problem" in next) {
      problem(next.problem, next.hint);
      continue;
    }
    const from: InputSource = entry.from === "set" ? "--set" : "--values";
    if (environment === undefined) {
      value = next.value;
      source = from;
    } else perEnv[environment] = { value: next.value, source: from };
  }
  const environments = Object.freeze({ ...perEnv });
  declared.push(Object.freeze({ name, type, default: defaultValue, description: options.description, perEnvironment, origin, value, source, environments }));
  const global = freezeValue(value);
  if (!perEnvironment) return global as InputValue<T>;
  return forEnv((environment) => freezeValue(environments[environment.name]?.value ?? global) as InputValue<T>);
}

function freezeValue(value: unknown): unknown {
  return typeof value === "object" && value !== null ? Object.freeze({ ...value }) : value;
}

/**
 * The declaration's own checks: its name, its type, and a default of that type. Each mistake is
 * reported; undefined when there was one.
 */
function checkDeclaration(name: string, options: InputOptions<InputType>, origin: SourceLocation | undefined): InputType | undefined {
  let usable = true;
  const bad = (message: string, hint: string): void => {
    report.error("TKC2040", message, origin, { hint });
    usable = false;
  };
  const shownName = shownText(name);
  if (typeof name !== "string" || !NAME.test(name) || name === ENVIRONMENTS_KEY) {
    bad(`input name ${JSON.stringify(shownName)} is not allowed`, `use letters, digits and _ (not starting with a digit), other than '${ENVIRONMENTS_KEY}'`);
  } else if (declared.some((d) => d.name === name)) bad(`input '${name}' is declared twice`, "declare each input once and import its value where it is needed");
  const type = options?.type;
  if (!isScalarType(type)) {
    if (typeof type !== "object" || type === null || Array.isArray(type) || Object.keys(type).length === 0 || !Object.values(type).every(isScalarType)) {
      bad(`input '${shownName}' has an unknown type`, 'use "string", "number", "boolean", a list of strings, or an object of those');
      return undefined;
    }
  }
  if (Array.isArray(type) && (type.length === 0 || !type.every((v) => typeof v === "string"))) {
    bad(`input '${shownName}': an enum type lists one or more strings`, 'e.g. type: ["debug", "info"]');
    return undefined;
  }
  const fits = conform(type as InputType, options.default, "values");
  if ("problem" in fits) bad(`the default of input '${shownName}' ${fits.problem}`, "make the default a value of the declared type");
  return usable ? (type as InputType) : undefined;
}

function isScalarType(type: unknown): type is InputScalarType {
  return type === "string" || type === "number" || type === "boolean" || (Array.isArray(type) && type.every((v) => typeof v === "string"));
}

/** Which part of an input a supplied value is for, or undefined when it is for another input. */
function claim(entry: SuppliedValue, name: string, type: InputType): { environment?: string; field?: string } | undefined {
  if (entry.from === "values") return entry.name === name ? { environment: entry.environment } : undefined;
  const parts = entry.key.split(".");
  const isObject = !isScalarType(type);
  if (parts[0] === name && parts.length <= 2) return parts.length === 2 ? { field: parts[1] } : {};
  if (parts[1] === name && parts.length >= 2 && parts.length <= (isObject ? 3 : 2)) return { environment: parts[0], field: parts[2] };
  return undefined;
}

function describeEntry(entry: SuppliedValue): string {
  return entry.from === "set" ? `--set ${entry.key}` : entry.environment !== undefined ? `the values file ${entry.file} (environments.${entry.environment})` : `the values file ${entry.file}`;
}

/** Apply one supplied value on top of the current one. */
function apply(name: string, type: InputType, current: unknown, entry: SuppliedValue, field: string | undefined): { value: unknown } | { problem: string; hint: string } {
  const given = entry.from === "set" ? entry.text : entry.value;
  const from = entry.from === "set" ? "set" : "values";
  const where = describeEntry(entry);
  if (isScalarType(type)) {
    if (field !== undefined) return { problem: `input '${name}' is a ${typeName(type)}, it has no field '${field}' (${where})`, hint: `set it as ${name}=VALUE` };
    const fits = conform(type, given, from);
    return "problem" in fits ? { problem: `input '${name}' expects ${article(type)}, but ${where} ${fits.problem}`, hint: fits.hint } : fits;
  }
  const fields = type as Readonly<Record<string, InputScalarType>>;
  if (field === undefined && from === "set") return { problem: `input '${name}' is an object (${typeName(type)}): --set sets one field at a time`, hint: `set a field: --set ${name}.${Object.keys(fields)[0]}=VALUE` };
  const updates: Record<string, unknown> = field === undefined ? (isPlainObject(given) ? given : {}) : { [field]: given };
  if (field === undefined && !isPlainObject(given)) return { problem: `input '${name}' expects ${typeName(type)}, but ${where} gives ${kindOf(given)}`, hint: "give an object with the declared fields" };
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, fieldValue] of Object.entries(updates)) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      return { problem: `input '${name}' has no field '${key}' (${where})`, hint: `its fields are: ${Object.keys(fields).join(", ")}` };
    }
    const fits = conform(fields[key]!, fieldValue, from);
    if ("problem" in fits) return { problem: `field '${key}' of input '${name}' expects ${article(fields[key]!)}, but ${where} ${fits.problem}`, hint: fits.hint };
    next[key] = fits.value;
  }
  return { value: next };
}

/**
 * A value checked against a type. Text from `--set` converts the way Helm's --set does, but only
 * where the declared type says so (a string input takes the text as it is); a value from a file
 * must already be of the type.
 */
function conform(type: InputType, given: unknown, from: "set" | "values"): { value: unknown } | { problem: string; hint: string } {
  if (!isScalarType(type)) {
    if (!isPlainObject(given)) return { problem: `gives ${kindOf(given)}`, hint: "give an object with the declared fields" };
    const out: Record<string, unknown> = {};
    for (const [key, fieldType] of Object.entries(type)) {
      if (!Object.prototype.hasOwnProperty.call(given, key)) return { problem: `lacks the field '${key}'`, hint: `give every field: ${Object.keys(type).join(", ")}` };
      const fits = conform(fieldType, given[key], from);
      if ("problem" in fits) return { problem: `has field '${key}' that ${fits.problem.replace(/^gives/, "is")}`, hint: fits.hint };
      out[key] = fits.value;
    }
    for (const key of Object.keys(given)) if (!(key in type)) return { problem: `has an unknown field '${key}'`, hint: `its fields are: ${Object.keys(type).join(", ")}` };
    return { value: out };
  }
  if (from === "set" && typeof given === "string") {
    if (type === "number") {
      const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(given.trim()) ? Number(given) : NaN;
      return Number.isFinite(number) ? { value: number } : { problem: `gives ${shown(given)}`, hint: "give a number, e.g. 3 or 0.5" };
    }
    if (type === "boolean") return given === "true" || given === "false" ? { value: given === "true" } : { problem: `gives ${shown(given)}`, hint: "give true or false" };
  }
  if (type === "string") return typeof given === "string" ? { value: given } : { problem: `gives ${kindOf(given)}`, hint: from === "values" ? "quote the value in the values file, e.g. \"2.4\"" : "give a string" };
  if (type === "number") return typeof given === "number" && Number.isFinite(given) ? { value: given } : { problem: `gives ${kindOf(given)}`, hint: "give a number, e.g. 3 or 0.5" };
  if (type === "boolean") return typeof given === "boolean" ? { value: given } : { problem: `gives ${kindOf(given)}`, hint: "give true or false" };
  return typeof given === "string" && type.includes(given) ? { value: given } : { problem: `gives ${kindOf(given)}`, hint: `give one of: ${type.join(", ")}` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** At most 60 characters of a value, quoted: a huge or hostile value is shown, never run. */
function shown(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}... (${text.length} characters)` : text;
  return JSON.stringify(cut);
}

function kindOf(value: unknown): string {
  if (typeof value === "string") return shown(value);
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : String(typeof value);
}

/** The declared type as users read it: `string`, `"debug" | "info"`, `{ cpu: string; replicas: number }`. */
export function typeName(type: InputType): string {
  if (Array.isArray(type)) return type.map((v) => JSON.stringify(v)).join(" | ");
  if (typeof type === "string") return type;
  return `{ ${Object.entries(type).map(([k, t]) => `${k}: ${typeName(t)}`).join("; ")} }`;
}

function article(type: InputType): string {
  if (type === "string" || type === "number" || type === "boolean") return `a ${type}`;
  if (Array.isArray(type)) return `one of ${typeName(type)}`;
  return typeName(type);
}

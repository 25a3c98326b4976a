/**
 * The CEL rules of a CRD schema (`x-kubernetes-validations`), evaluated as the API server does on
 * create: at every schema node that has rules and a value, with `self` bound to that value after
 * the schema's defaults are applied, property names escaped as Kubernetes escapes them, and
 * integers as CEL ints. A rule that fails is TKC3008, with the rule's message.
 *
 * Kubernetes' CEL libraries (lists, regex, URLs, IP, CIDR, Quantity, cel-go's strings and sets
 * extensions) are evaluated with the API server's semantics (cel-library/).
 *
 * What tkc cannot evaluate exactly is skipped, never reported: transition rules (`oldSelf`, which
 * only an update has), the functions tkc does not evaluate (`format.named()`, semver, the strings
 * extension's `format()`, ...), any evaluation error (the API server's own, or a library's corner
 * where tkc is unsure of the API server's answer), and rules whose worst-case cost on this object
 * is too high to run (nested macros over long lists; the API server limits cost too). So a rule
 * can only be reported when it evaluates to false.
 */
import { join } from "node:path";
import { error, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeObject, type SourcedObject } from "../../model/object.js";
import { formatPath, type JsonPath } from "../../model/path.js";
import type { SchemaNode } from "../../../schemas/index.js";
import { locate } from "../locate.js";
import { applyDefaults, setOwn } from "./schema-defaults.js";
import { customSchemaChild } from "../../../schemas/crds/index.js";
import type { CelEngine, CelProgram } from "./cel-engine.js";
import { loadModule } from "../../load-module.js";
import { tkcRoot } from "../../root.js";
import { DEFAULTS_KEYWORD } from "../../crd/generate.js";

export const CEL_RULE_FAILED = "TKC3008";

interface Rule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
}

/** A compiled rule, with the number of comprehension macros in it (for the cost bound). */
type Compiled = { readonly run: CelProgram; readonly macros: number } | undefined;

/** The largest worst-case number of steps a rule may take on one object before it is skipped. */
const MAX_STEPS = 1_000_000;
// Comprehension macros: each one nested multiplies a rule's cost by the size of a collection.
const MACRO = /\.\s*(?:all|exists|exists_one|map|filter)\s*\(/g;
const RESERVED = new Set(["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]);

let engine: CelEngine | undefined;
const compiled = new Map<string, Compiled>();

/** TKC3008 for every rule of the resource's schema that its value (defaulted) does not satisfy. */
export function celRuleDiagnostics(sourced: SourcedObject, root: SchemaNode): Diagnostic[] {
  // Without its defaults (a schema file imported by an older tkc), a rule could fail where the
  // API server's defaulted object passes: not evaluated, rather than a false rejection.
  if (root[DEFAULTS_KEYWORD] !== true || !hasRules(root)) return [];
  const diagnostics: Diagnostic[] = [];
  const defaulted = applyDefaults(sourced.object, root);
  visit(defaulted, root, [], (value, node, path) => {
    const rules = node["x-kubernetes-validations"];
    if (!Array.isArray(rules)) return;
    // Worked out once per value, for all of its rules, and only if a rule needs it.
    const scope = once(() => toCel(value, node));
    const largest = once(() => largestCollection(value));
    for (const rule of rules as Rule[]) {
      const verdict = evaluate(rule, scope, largest);
      if (verdict !== false) continue;
      const at = [...path, ...fieldPathParts(rule.fieldPath)];
      const location = locate(sourced, at);
      diagnostics.push(error(CEL_RULE_FAILED, failureMessage(rule, scope), {
        object: describeObject(sourced.object),
        path: formatPath(at),
        ...(location ? { location } : {}),
        related: [{ message: `the CustomResourceDefinition's rule (x-kubernetes-validations): ${rule.rule}` }],
        hint: "change the fields the rule names: the API server refuses the object with this message",
      }));
    }
  });
  return diagnostics;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Whether any node of the schema has CEL rules (most CRDs have none: nothing to walk). */
const withRules = new WeakMap<object, boolean>();
function hasRules(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  const known = withRules.get(node);
  if (known !== undefined) return known;
  withRules.set(node, false); // a cycle cannot make it true
  const found = "x-kubernetes-validations" in node || Object.values(node).some(hasRules);
  withRules.set(node, found);
  return found;
}

/** Calls `each` at every value that has a schema node, from the root down. */
function visit(value: unknown, node: SchemaNode, path: JsonPath, each: (value: unknown, node: SchemaNode, path: JsonPath) => void): void {
  if (value === undefined || value === null) return;
  each(value, node, path);
  if (Array.isArray(value)) {
    const items = node["items"] as SchemaNode | undefined;
    if (items) value.forEach((item, i) => visit(item, items, [...path, i], each));
    return;
  }
  if (typeof value !== "object") return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const sub = customSchemaChild(node, key);
    if (sub) visit(child, sub, [...path, key], each);
  }
}

/** true, false, or undefined when the rule cannot be evaluated exactly (skipped). */
function evaluate(rule: Rule, self: () => unknown, largest: () => number): boolean | undefined {
  const program = typeof rule?.rule === "string" ? compile(rule.rule) : undefined;
  // A worst-case step count: the largest collection under the value, to the power of the macros.
  if (!program || (program.macros > 0 && (largest() + 1) ** program.macros > MAX_STEPS)) return undefined;
  try {
    const result = program.run({ self: self() });
    return typeof result === "boolean" ? result : undefined;
  } catch {
    return undefined;
  }
}

/** The rule's messageExpression when it evaluates to a string, else its message, else the API server's default. */
function failureMessage(rule: Rule, self: () => unknown): string {
  if (typeof rule.messageExpression === "string") {
    const program = compile(rule.messageExpression);
    try {
      const text = program?.run({ self: self() });
      if (typeof text === "string" && text.trim() !== "") return text;
    } catch {
      // the message, as the API server falls back to it
    }
  }
  return typeof rule.message === "string" && rule.message !== "" ? rule.message : `failed rule: ${rule.rule}`;
}

/** The compiled expression, once per text; undefined for one tkc does not evaluate. */
function compile(expression: string): Compiled {
  if (compiled.has(expression)) return compiled.get(expression);
  let program: Compiled;
  try {
    // Transition rules compare with the stored object, which only an update has.
    program = /\boldSelf\b/.test(expression) ? undefined : { run: celEngine().compile(expression), macros: expression.match(MACRO)?.length ?? 0 };
  } catch {
    program = undefined; // a function the evaluator lacks, or syntax it does not read
  }
  compiled.set(expression, program);
  return program;
}

function celEngine(): CelEngine {
  engine ??= (loadModule(join(tkcRoot(), "dist", "cel.cjs")) as { createCelEngine: () => CelEngine }).createCelEngine();
  return engine;
}

function largestCollection(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let largest = children.length;
  for (const child of children) largest = Math.max(largest, largestCollection(child));
  return largest;
}

/**
 * The value as the API server's CEL sees it: object properties named by the schema are escaped
 * (`namespace` -> `__namespace__`, `a-b` -> `a__dash__b`); map keys are not; integers are ints.
 */
function toCel(value: unknown, node: SchemaNode | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => toCel(item, node?.["items"] as SchemaNode | undefined));
  if (value !== null && typeof value === "object") {
    const properties = node?.["properties"] as Record<string, SchemaNode> | undefined;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) setOwn(out, properties && Object.hasOwn(properties, key) ? escapeProperty(key) : key, toCel(child, customSchemaChild(node, key)));
    return out;
  }
  if (typeof value === "number" && Number.isSafeInteger(value) && isInteger(node)) return BigInt(value);
  return value;
}

function isInteger(node: SchemaNode | undefined): boolean {
  const type = node?.["type"];
  return type === "integer" || (Array.isArray(type) && type.includes("integer") && !type.includes("number"));
}

function escapeProperty(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__/g, "__underscores__").replace(/\./g, "__dot__").replace(/-/g, "__dash__").replace(/\//g, "__slash__");
}

/** `.spec.ports[0]` or `.foo['a.b']` (a rule's fieldPath) as path parts; unreadable ones add nothing. */
function fieldPathParts(fieldPath: string | undefined): JsonPath {
  if (typeof fieldPath !== "string" || fieldPath === "") return [];
  const parts: (string | number)[] = [];
  const token = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\['([^']*)'\]/y;
  let at = 0;
  while (at < fieldPath.length) {
    token.lastIndex = at;
    const m = token.exec(fieldPath);
    if (!m) return [];
    parts.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!));
    at = token.lastIndex;
  }
  return parts;
}

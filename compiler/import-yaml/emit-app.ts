import type { KubeObject } from "../model/object.js";
import type { ObjectPlan } from "./plan-objects.js";
import { camelName, lineComment, printValue, type Substitute } from "./print-value.js";

/** The TypeScript source of one application's descriptor file. */
export interface AppSource {
  readonly file: string;
  readonly text: string;
}

const LABEL_FIELDS = new Set(["labels", "matchLabels"]);

/** Images of the containers in an object, with the container's name. */
function collectImages(value: unknown, out: Map<string, string>, container = ""): void {
  if (Array.isArray(value)) {
    for (const item of value) collectImages(item, out, container);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if (typeof record.image === "string" && typeof record.name === "string" && !out.has(record.image)) out.set(record.image, record.name);
  for (const [key, item] of Object.entries(record)) collectImages(item, out, key);
}

/** Label maps (metadata labels, matchLabels, Service selectors) and how often each occurs. */
function countLabelMaps(value: unknown, kind: string, path: readonly string[], counts: Map<string, number>): void {
  if (value === null || typeof value !== "object") return;
  if (isLabelPath(kind, path) && !Array.isArray(value) && Object.keys(value).length > 0) {
    const key = JSON.stringify(sortedEntries(value as Record<string, unknown>));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) countLabelMaps(item, kind, [...path, key], counts);
}

/** Label maps used as selectors (matchLabels, a Service's selector): their constant is named for it. */
function collectSelectors(object: KubeObject, out: Set<string>): void {
  const visit = (value: unknown, path: readonly string[]) => {
    if (value === null || typeof value !== "object") return;
    const last = path[path.length - 1];
    if (!Array.isArray(value) && (last === "matchLabels" || (object.kind === "Service" && path.join("/") === "spec/selector"))) {
      out.add(JSON.stringify(sortedEntries(value as Record<string, unknown>)));
      return;
    }
    for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(object, []);
}

function isLabelPath(kind: string, path: readonly string[]): boolean {
  const last = path[path.length - 1];
  return (last !== undefined && LABEL_FIELDS.has(last)) || (kind === "Service" && path.length === 2 && path[0] === "spec" && path[1] === "selector");
}

function sortedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A variable name not yet taken. */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

const RESERVED = new Set(["raw", "unchecked", "plainSecret", "default", "new", "class", "function", "delete", "in", "of", "var", "let", "const", "import", "export", "this", "switch", "case", "return", "void", "typeof", "enum"]);

/**
 * One descriptor file for one application: shared label maps and images as named constants at the
 * top, one `raw()`/`unchecked()`/`plainSecret()` per object in input order (its YAML comment above
 * it), and a default export listing them for the root release.
 */
export function emitApp(appName: string, file: string, plans: readonly ObjectPlan[], sources: readonly string[]): AppSource {
  const taken = new Set<string>(RESERVED);
  const emitted = plans.filter((p) => p.how !== "secretLeftOut");
  const images = new Map<string, string>();
  const labelCounts = new Map<string, number>();
  for (const plan of emitted) {
    if (plan.how === "service") images.set(String(plan.options.image), String(plan.options.name));
    collectImages(plan.object.spec, images);
    // a service() prints its labels once, as options: no constant for them
    if (plan.how !== "service") countLabelMaps(plan.object, plan.object.kind, [], labelCounts);
  }
  const selectorMaps = new Set<string>();
  for (const plan of emitted) collectSelectors(plan.object, selectorMaps);
  const constants: string[] = [];
  const imageNames = new Map<string, string>();
  for (const [image, container] of images) {
    const name = uniqueName(`${camelName(container)}Image`, taken);
    imageNames.set(image, name);
    constants.push(`const ${name} = ${JSON.stringify(image)};`);
  }
  const labelNames = new Map<string, string>();
  for (const [key, count] of labelCounts) {
    if (count < 2) continue;
    const name = uniqueName(selectorMaps.has(key) ? "selectorLabels" : "labels", taken);
    labelNames.set(key, name);
    const record = Object.fromEntries(JSON.parse(key) as [string, unknown][]);
    constants.push(`const ${name} = ${printValue(record, "")};`);
  }

  const imports = new Set<string>();
  const blocks: string[] = [];
  const exported: string[] = [];
  for (const plan of plans) {
    const object = plan.object;
    if (plan.how === "secretLeftOut") {
      blocks.push(lineComment([
        `Secret "${object.metadata.name}" holds values, so it is not imported (its keys: ${plan.keys.join(", ")}).`,
        `Create it in the namespace before installing, e.g. kubectl create secret generic ${object.metadata.name} ${plan.keys.map((k) => `--from-literal=${k}=...`).join(" ")}`,
        `or manage it with externalSecret()/sealedSecret(); pods reference it by name (secretKeyRef, volumes) as before.`,
      ]));
      continue;
    }
    const kindLabels = object.kind;
    const substitute: Substitute = (value, path) => {
      if (typeof value === "string" && path[path.length - 1] === "image") return imageNames.get(value);
      if (value !== null && typeof value === "object" && !Array.isArray(value) && isLabelPath(kindLabels, path)) {
        return labelNames.get(JSON.stringify(sortedEntries(value as Record<string, unknown>)));
      }
      return undefined;
    };
    const variable = uniqueName(camelName(plan.how === "service" ? String(object.metadata.name) : `${object.metadata.name ?? object.metadata.generateName ?? "object"}-${object.kind}`), taken);
    const comment = plan.manifest.comment.length > 0 ? lineComment(plan.manifest.comment) + "\n" : "";
    blocks.push(`${comment}export const ${variable} = ${callFor(plan, object, substitute)};`);
    imports.add(plan.how);
    exported.push(variable);
  }
  const header = lineComment([`${appName}: imported by \`tkc import yaml\` from ${sources.join(", ")}`]);
  const importLine = imports.size > 0 ? `import { ${[...imports].sort().join(", ")} } from "tkc";\n\n` : "";
  const constantBlock = constants.length > 0 ? `${constants.join("\n")}\n\n` : "";
  const text = `${header}\n${importLine}${constantBlock}${blocks.join("\n\n")}\n\nexport default [${exported.join(", ")}];\n`;
  return { file, text };
}

function callFor(plan: ObjectPlan, object: KubeObject, substitute: Substitute): string {
  if (plan.how === "service") {
    // security: "none" keeps the manifests' (absent) security context instead of the restricted profile
    return `service(${printValue(plan.options, "", substitute)})`;
  }
  if (plan.how === "plainSecret") {
    // The opt-in is written out on purpose: the values are in the bundle in plain text.
    const options = { name: object.metadata.name, type: object.type, stringData: object.stringData, allowPlaintextInBundle: true };
    return `plainSecret(${printValue(options, "", substitute)})`;
  }
  return `${plan.how}(${printValue(object, "", substitute)})`;
}

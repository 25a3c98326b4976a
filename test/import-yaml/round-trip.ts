import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { runTkc, tempDir } from "../support/cli.js";

type Json = Record<string, any>;

/** The labels the compiler adds to every object (stdlib/core/labels.ts releaseLabels). */
const RELEASE_LABELS = ["app.kubernetes.io/part-of", "app.kubernetes.io/managed-by"];

/** The objects of YAML files (List items flattened, as kubectl applies them). */
export function objectsOf(files: readonly string[]): Json[] {
  const out: Json[] = [];
  const add = (value: any) => {
    if (value === null || typeof value !== "object") return;
    if (typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items)) value.items.forEach(add);
    else out.push(value);
  };
  // YAML 1.1, as kubectl reads manifests (an unquoted 0755 is octal): an oracle independent of tkc's reader.
  for (const file of files) for (const doc of parseAllDocuments(readFileSync(file, "utf8"), { merge: true, version: "1.1" })) add(doc.toJS());
  return out;
}

/**
 * The object as the importer promises to keep it: `key: null` fields left out (the API server reads
 * null as unset; the importer reports each one). Used for inputs that have them.
 */
export function withoutNullFields(value: any): any {
  if (Array.isArray(value)) return value.map(withoutNullFields);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNullFields(v)]));
}

/** The objects `tkc build` wrote for one environment (the bundle's YAML files). */
export function builtObjects(outDir: string): Json[] {
  const objectsDir = join(outDir, "objects");
  const files = readdirSync(objectsDir).filter((f) => f.endsWith(".yaml")).sort();
  return objectsOf(files.map((f) => join(objectsDir, f)));
}

/**
 * The round-trip comparison: the only differences allowed between an input object and the object
 * tkc built are the release labels tkc adds (when the input did not set them) and the namespace
 * being the environment's (when the input named that namespace or none). Everything else is
 * compared field by field, list order included.
 */
function normalise(object: Json, namespace: string, input: Json | undefined): Json {
  const metadata = { ...(object.metadata ?? {}) };
  if (metadata.namespace === namespace) delete metadata.namespace;
  if (input) {
    const inputLabels = input.metadata?.labels ?? {};
    const labels = { ...(metadata.labels ?? {}) };
    for (const key of RELEASE_LABELS) if (!(key in inputLabels)) delete labels[key];
    if (Object.keys(labels).length === 0 && input.metadata?.labels === undefined) delete metadata.labels;
    else metadata.labels = labels;
  }
  return { ...object, metadata };
}

const identity = (o: Json) => `${o.apiVersion} ${o.kind} ${o.metadata?.name}`;

/** Asserts that `built` holds exactly the `input` objects, up to the allowed differences. */
export function assertRoundTrip(input: readonly Json[], built: readonly Json[], namespace: string): void {
  const inputs = new Map(input.map((o) => [identity(o), normalise(o, namespace, undefined)]));
  const outputs = new Map(built.map((o) => [identity(o), o]));
  assert.deepEqual([...outputs.keys()].sort(), [...inputs.keys()].sort(), "the build holds other objects than the input");
  for (const [id, expected] of inputs) {
    assert.deepEqual(normalise(outputs.get(id)!, namespace, expected), expected, `${id} differs after the round trip`);
  }
}

export interface ImportedProject {
  readonly dir: string;
  readonly report: string;
  readonly stderr: string;
}

/** `tkc import yaml ARGS --out <new dir>`, then `tkc check` and `tkc build` of the result. */
export function importCheckBuild(args: readonly string[], options: { cwd?: string; name?: string } = {}): ImportedProject {
  const dir = join(tempDir("tkc-import-"), options.name ?? "imported");
  const imported = runTkc(["import", "yaml", ...args, "--out", dir], { cwd: options.cwd });
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  const checked = runTkc(["check", dir]);
  assert.equal(checked.status, 0, `tkc check of the imported project failed:\n${checked.stdout}${checked.stderr}`);
  const built = runTkc(["build", dir]);
  assert.equal(built.status, 0, `tkc build of the imported project failed:\n${built.stdout}${built.stderr}`);
  return { dir, report: imported.stdout, stderr: imported.stderr };
}

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { planImport } from "../../compiler/crd/import.js";
import { configuredCrdFolders } from "../../compiler/load/crds.js";
import { loadCrds } from "../../compiler/load/project-crds.js";
import { loadProject } from "../../compiler/load/project.js";
import { loadSources } from "../../compiler/load/load.js";
import { projectCrds } from "../../compiler/crd/project.js";
import { runTkc, tempDir } from "../support/cli.js";
import { check, repoRoot, typecheckFiles } from "./helpers.js";

/** A project's imported CRDs as `tkc validate` loads them: the folders its config names, read and converted. */
const loadProjectCrds = (project: { dir: string; configFile?: string }) => loadCrds(project, configuredCrdFolders(project.configFile).folders);

const fixture = (name: string) => join(repoRoot, "test/crd/fixtures", name);
const plan = (name: string) => planImport([{ file: fixture(name), text: readFileSync(fixture(name), "utf8") }], repoRoot);

function widget(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w", namespace: "shop" }, spec };
}

/** A project with the widget CRD imported by the real CLI. */
function importedProject(): string {
  const dir = tempDir("tkc-crd-import-");
  writeFileSync(join(dir, "tkc.config.json"), "{}\n");
  const result = runTkc(["import", "crd", fixture("widgets-crd.yaml")], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /example\.com\/v1 Widget \(Namespaced\) -> ExampleComV1Widget in crds\/example\.com\/widgets\.ts/);
  assert.match(result.stdout, /import type \{ ExampleComV1Widget \} from "\.\/crds\/example\.com\/widgets\.js"/);
  return dir;
}

describe("tkc import crd", () => {
  it("plans a schema per served version and a types module per CRD", () => {
    const result = plan("widgets-crd.yaml");
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual([...result.files.keys()], ["example.com/widgets.v1.schema.json", "example.com/widgets.ts"]);
    assert.deepEqual(result.kinds.map((k) => [k.apiVersion, k.kind, k.definition, k.namespaced]), [["example.com/v1", "Widget", "ExampleComV1Widget", true]]);
    const schema = JSON.parse(result.files.get("example.com/widgets.v1.schema.json")!);
    // CEL rules are kept as an annotation (tkc does not evaluate them).
    assert.deepEqual(schema.properties.spec["x-kubernetes-validations"], [{ rule: "self.size <= 5 || has(self.owner)", message: "big widgets need an owner" }]);
    assert.equal(schema["x-tkc-custom-resource"].kind, "Widget");
    // Same input, same bytes.
    assert.deepEqual(plan("widgets-crd.yaml").files, result.files);
  });

  it("writes files the compiler validates and tsc accepts", () => {
    const dir = importedProject();
    const crds = loadProjectCrds({ dir, configFile: join(dir, "tkc.config.json") });
    assert.deepEqual(crds.diagnostics, []);
    assert.equal(crds.files.length, 1);
    const options = { customResources: crds.customResources! };
    assert.deepEqual(check(widget({ size: 3, color: "blue", port: 8080, owner: null, settings: { any: { thing: 1 } }, tags: ["a"], parts: [{ name: "p", weight: 0.5 }] }), options), []);
    assert.deepEqual(check(widget({ size: 3, port: "http" }), options), []);
    const [color] = check(widget({ size: 3, color: "purple" }), options);
    assert.equal(color!.code, "TKC3005");
    assert.match(color!.message, /"purple" is not one of the allowed values "red", "green", "blue"/);
    const [typo] = check(widget({ size: 3, colour: "red" }), options);
    assert.deepEqual([typo!.code, typo!.hint], ["TKC3002", 'did you mean "color"?']);
    const bounds = check(widget({ size: 11, owner: "Bob" }), options);
    assert.deepEqual(bounds.map((d) => [d.code, d.path]).sort(), [["TKC3005", "spec.owner"], ["TKC3005", "spec.size"]]);
    assert.match(bounds.find((d) => d.path === "spec.size")!.message, /spec\.size: integer 11 must be <= 10/);
    assert.deepEqual(check(widget({ port: true }), options).map((d) => d.code).sort(), ["TKC3003", "TKC3004"]);
    // Without the project's CRDs the kind is unknown, with a hint to import it.
    assert.match(check(widget({ size: 1 }))[0]!.hint!, /tkc import crd/);

    const descriptor = join(dir, "widgets.k8s.ts");
    writeFileSync(descriptor, `import { unchecked } from "tkc";
import type { ExampleComV1Widget } from "./crds/example.com/widgets.js";

export const ok = unchecked({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 2, color: "green", port: "http" } } satisfies ExampleComV1Widget);
// @ts-expect-error "purple" is not a colour of the CRD
export const bad = unchecked({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 2, color: "purple" } } satisfies ExampleComV1Widget);
`);
    typecheckFiles([descriptor]);
  });

  // Before, raw() took only the built-in kinds: an imported Widget was "not assignable to ...
  // StorageVersionMigration". The generated module now adds its kinds to raw()'s type.
  it("lets raw() take the imported kinds, typed by the CRD, without importing the types module", () => {
    // Not imported yet: TypeScript's error names no cause, the hint does.
    const bare = tempDir("tkc-crd-raw-");
    writeFileSync(join(bare, "tkc.config.json"), "{}\n");
    writeFileSync(join(bare, "release.k8s.ts"), `import { raw, release } from "tkc";

const spec = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } } as const;
export default release({ name: "widgets", version: "1.0.0", environments: { dev: { namespace: "shop" } }, components: [raw(spec), raw({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "v" } })] });
`);
    const unknown = runTkc(["build", bare]);
    assert.equal(unknown.status, 1);
    const hints = unknown.stderr.match(/release\.k8s\.ts:4:\d+ error TS2769[\s\S]*?hint: [^\n]*/g) ?? [];
    assert.equal(hints.length, 2, unknown.stderr);
    for (const hint of hints) assert.match(hint, /hint: raw\(\) takes the kinds tkc has types for: for a custom resource, import its CRD with `tkc import crd <file>`/);

    const dir = importedProject();
    const descriptor = (spec: string) => writeFileSync(join(dir, "release.k8s.ts"), `import { raw, release } from "tkc";

const widget = raw({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: ${spec} });

export default release({ name: "widgets", version: "1.0.0", environments: { dev: { namespace: "shop" } }, components: [widget] });
`);
    assert.match(readFileSync(join(dir, "crds/example.com/widgets.ts"), "utf8"), /declare module "tkc" \{\n  interface ImportedCustomResources \{\n    "example\.com\/v1\/Widget": ExampleComV1Widget;\n/);
    descriptor(`{ size: 2, color: "green", port: "http" }`);
    const built = runTkc(["build", dir, "--out", join(dir, "out")]);
    assert.equal(built.status, 0, built.stderr);
    assert.match(readFileSync(join(dir, "out/widgets/dev/objects/002-widget-w.yaml"), "utf8"), /kind: Widget\nmetadata:\n  name: w\n  namespace: shop\n/);
    // The type check sees the CRD's types: a string where the CRD wants an integer.
    descriptor(`{ size: "2" }`);
    const typed = runTkc(["build", dir, "--out", join(dir, "out")]);
    assert.equal(typed.status, 1);
    assert.match(typed.stderr, /release\.k8s\.ts:3:\d+ error TS2769: Type 'string' is not assignable to type 'number'\./);
    assert.doesNotMatch(typed.stderr, /StorageVersionMigration/);
    // And the schema, for what types cannot say.
    descriptor(`{ size: 11 }`);
    const bounded = runTkc(["build", dir, "--out", join(dir, "out")]);
    assert.equal(bounded.status, 1);
    assert.match(bounded.stderr, /release\.k8s\.ts:3:\d+ error TKC3005: spec\.size: integer 11 must be <= 10/);
  });

  it("reports bad CRD files with file:line:col and TKC301x codes", () => {
    const cases: [string, string, number, string][] = [
      ["not-yaml.yaml", "TKC3010", 5, "the CRD file is not valid YAML"],
      ["not-a-crd.yaml", "TKC3011", 2, "not a CustomResourceDefinition but apps/v1 Deployment"],
      ["no-served-version.yaml", "TKC3013", 9, "serves no version"],
      ["no-schema.yaml", "TKC3014", 10, "served version v1 has no schema.openAPIV3Schema"],
    ];
    for (const [file, code, line, message] of cases) {
      const result = plan(file);
      assert.equal(result.files.size, 0, file);
      const [d, ...rest] = result.diagnostics;
      assert.equal(rest.length, 0, file);
      assert.equal(d!.code, code, file);
      assert.equal(d!.location?.file, fixture(file));
      assert.equal(d!.location?.line, line, file);
      assert.ok(d!.message.includes(message), `${file}: ${d!.message}`);
      assert.ok(d!.hint, file);
    }
    const empty = planImport([{ file: "/x/empty.yaml", text: "# nothing\n" }]);
    assert.equal(empty.diagnostics[0]!.code, "TKC3012");
    const text = readFileSync(fixture("widgets-crd.yaml"), "utf8");
    const noPlural = planImport([{ file: "/x/crd.yaml", text: text.replace("    plural: widgets\n", "") }]);
    assert.deepEqual(noPlural.diagnostics.map((d) => [d.code, d.message, d.location?.line]), [["TKC3015", "CustomResourceDefinition widgets.example.com has no valid spec.names.plural", 9]]);
    const twice = planImport([{ file: "/x/a.yaml", text }, { file: "/x/b.yaml", text }]);
    assert.deepEqual(twice.diagnostics.map((d) => d.code), ["TKC3015"]);
  });

  it("warns (TKC3016) about a Go regular expression JavaScript cannot compile, and imports the rest", () => {
    const text = readFileSync(fixture("widgets-crd.yaml"), "utf8").replace('pattern: "^[a-z]+$"', 'pattern: "^[a-z]+\\\\z"');
    const result = planImport([{ file: "/x/crd.yaml", text }]);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [["TKC3016", "warning"]]);
    assert.match(result.diagnostics[0]!.message, /example\.com\/v1 Widget\.spec\.owner: pattern "\^\[a-z\]\+\\\\z" is not a JavaScript regular expression/);
    assert.equal(result.files.size, 2);
  });

  it("exits 1 with rendered diagnostics for a bad file, and 2 for a URL", () => {
    const dir = tempDir("tkc-crd-bad-");
    const bad = runTkc(["import", "crd", fixture("not-a-crd.yaml")], { cwd: dir });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /not-a-crd\.yaml:2:1 error TKC3011/);
    const url = runTkc(["import", "crd", "https://example.com/crd.yaml"], { cwd: dir });
    assert.equal(url.status, 2);
    assert.match(url.stderr, /download it first/);
  });

  // The group and plural name the files tkc writes: `../../pwn` once wrote ../../pwn.ts, outside the project.
  it("refuses a CRD whose names the API server refuses, and writes nothing, inside the project or out", () => {
    const root = tempDir("tkc-crd-names-");
    const dir = join(root, "a", "b", "project");
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(fixture("widgets-crd.yaml"), "utf8").replace(/group: example\.com/, "group: ../../../escape").replace(/plural: widgets/, "plural: ../../pwn");
    assert.notEqual(text, readFileSync(fixture("widgets-crd.yaml"), "utf8"));
    writeFileSync(join(dir, "evil.yaml"), text);
    const result = runTkc(["import", "crd", "evil.yaml"], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /evil\.yaml:\d+:\d+ error TKC3015: CustomResourceDefinition [^\n]*: spec\.group "\.\.\/\.\.\/\.\.\/escape" is not valid/);
    assert.match(result.stderr, /error TKC3015: [^\n]*spec\.names\.plural "\.\.\/\.\.\/pwn" is not valid/);
    assert.equal(result.stdout, "");
    assert.deepEqual(readdirRecursive(root), ["a/b/project/evil.yaml"]);
  });

  it("reports unusable project CRD folders and schema files as TKC3017", () => {
    const dir = tempDir("tkc-crd-project-");
    writeFileSync(join(dir, "tkc.config.json"), JSON.stringify({ crds: ["vendor/crds"] }));
    const missing = loadProjectCrds({ dir, configFile: join(dir, "tkc.config.json") });
    assert.deepEqual(missing.diagnostics.map((d) => d.code), ["TKC3017"]);
    mkdirSync(join(dir, "vendor/crds"), { recursive: true });
    writeFileSync(join(dir, "vendor/crds/other.schema.json"), JSON.stringify({ type: "object" }));
    const foreign = loadProjectCrds({ dir, configFile: join(dir, "tkc.config.json") });
    assert.deepEqual(foreign.diagnostics.map((d) => [d.code, d.location?.file]), [["TKC3017", join(dir, "vendor/crds/other.schema.json")]]);
    // The default folder may be absent.
    assert.deepEqual(loadProjectCrds({ dir: tempDir() }), { files: [], diagnostics: [] });
    // A "crds" setting that is not a list of folders is the load stage's to report.
    writeFileSync(join(dir, "tkc.config.json"), JSON.stringify({ crds: "vendor/crds" }));
    assert.deepEqual(configuredCrdFolders(join(dir, "tkc.config.json")).diagnostics.map((d) => d.code), ["TKC3017"]);
  });

  it("the load stage reads tkc.config.json once and hands its \"crds\" folders on as data", () => {
    const dir = importedProject();
    writeFileSync(join(dir, "release.k8s.ts"), 'import { release } from "tkc";\nexport default release({ name: "w", version: "1.0.0", environments: { dev: { namespace: "w" } }, components: [] });\n');
    const read = new Map<string, string>();
    const project = loadProject({ target: dir }, { read });
    assert.ok(project.ok);
    assert.deepEqual([...read.keys()], [join(dir, "tkc.config.json")]);
    assert.equal(project.value.config.crds, undefined);
    const loaded = loadSources(project.value, { read });
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.value.sources.map((s) => s.path.slice(dir.length + 1)), ["crds/example.com/widgets.ts", "release.k8s.ts", "crds/example.com/widgets.v1.schema.json", "tkc.config.json"]);
    assert.deepEqual(loaded.value.crdSchemas.map((s) => s.path.slice(dir.length + 1)), ["crds/example.com/widgets.v1.schema.json"]);
    assert.ok(projectCrds(loaded.value.crdSchemas).customResources?.find("example.com/v1", "Widget"));
    // A "crds" setting that is no list of folders stops the load at the config, in the same run as an unknown setting.
    writeFileSync(join(dir, "tkc.config.json"), JSON.stringify({ crds: "crds", kubVersion: "1.36" }));
    const bad = loadProject({ target: dir }, { read: new Map() });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.diagnostics.map((d) => [d.code, d.location?.file]), [["TKC1002", join(dir, "tkc.config.json")], ["TKC3017", join(dir, "tkc.config.json")]]);
  });
});

/** Every file under `dir`, relative and sorted. */
function readdirRecursive(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1))
    .sort();
}

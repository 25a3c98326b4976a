import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";
import { readTree, updateGoldens } from "../support/files.js";
import { assertRoundTrip, builtObjects, importCheckBuild, objectsOf } from "./round-trip.js";

const fixtures = join(import.meta.dirname, "fixtures");
const yamlUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();

// One import of the shop fixture serves the tests that look at it.
let shopProject: ReturnType<typeof importCheckBuild> | undefined;
const shop = () => (shopProject ??= importCheckBuild(["shop"], { cwd: fixtures, name: "shop" }));

test("a Deployment with its Service, ConfigMap, HPA, PDB and ServiceAccount becomes one descriptor that builds to the same objects", () => {
  const project = shop();
  assertRoundTrip(objectsOf(yamlUnder(join(fixtures, "shop"))), builtObjects(join(project.dir, "out/shop/shop")), "shop");
  const files = readdirSync(project.dir).filter((f) => f.endsWith(".k8s.ts")).sort();
  assert.deepEqual(files, ["mailer.k8s.ts", "release.k8s.ts", "storefront.k8s.ts"]);
  // grouping: the HPA by its target, the PDB and Service by their selectors, the rest by references
  assert.match(project.report, /storefront\.k8s\.ts \(storefront; grouped by labels, selectors, scale target, references\)/);
  assert.match(project.report, /mailer\.k8s\.ts \(mailer; grouped by pod labels, names\)\n  raw\(\)         Deployment mailer\n  raw\(\)         CronJob mailer-digest/);
  assert.match(project.report, /raw\(\): 8, unchecked\(\): 0, plainSecret\(\): 0/);
});

test("the generated code is what a person would write (golden)", () => {
  const project = shop();
  const golden = join(fixtures, "..", "expected", "shop");
  const tree = new Map([...readTree(project.dir)].filter(([path]) => path.endsWith(".k8s.ts") || path === "tkc.config.json"));
  if (updateGoldens) {
    for (const [path, content] of tree) {
      mkdirSync(join(golden, path, ".."), { recursive: true });
      writeFileSync(join(golden, path), content);
    }
  }
  assert.ok(existsSync(golden), `missing golden ${golden}: run with TKC_UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(tree, readTree(golden));
  const storefront = tree.get("storefront.k8s.ts")!;
  assert.match(storefront, /^\/\/ The shop's storefront: a Deployment with its Service, ConfigMap, HPA and PDB\.\n\/\/ Kept as the team wrote it\.\nexport const storefrontDeployment = raw\(/m);
  assert.match(storefront, /const webImage = "ghcr\.io\/acme\/storefront:2\.4\.1";/);
  assert.match(storefront, /const selectorLabels = \{ "app\.kubernetes\.io\/name": "storefront" \};/);
});

test("Helm --output-dir layout: nested folders, # Source comments kept, non-YAML files skipped, bindings grouped with their roles", () => {
  const project = importCheckBuild(["helm-output"], { cwd: fixtures, name: "chart" });
  assertRoundTrip(objectsOf(yamlUnder(join(fixtures, "helm-output"))), builtObjects(join(project.dir, "out/chart/default")), "default");
  const chart = readFileSync(join(project.dir, "shopchart.k8s.ts"), "utf8");
  assert.match(chart, /\/\/ Source: shopchart\/templates\/service\.yaml\nexport const releaseNameShopchartService = raw\(/);
  assert.match(project.report, /shopchart\.k8s\.ts \(shopchart; grouped by labels, names\)\n(  raw\(\) .*\n){4}/);
  assert.doesNotMatch(project.report, /NOTES/);
});

test("custom resources: typed raw() for known CRDs, unchecked() for others, grouped with a CRD of the input", () => {
  const project = importCheckBuild(["custom-resources/certs.yaml"], { cwd: fixtures, name: "crs" });
  assertRoundTrip(objectsOf([join(fixtures, "custom-resources/certs.yaml")]), builtObjects(join(project.dir, "out/crs/shop")), "shop");
  assert.match(project.report, /  raw\(\)         Certificate shop-tls/);
  assert.match(project.report, /widgets\.example\.com\.k8s\.ts \(widgets\.example\.com; grouped by own name, custom resource definition\)\n  raw\(\)         CustomResourceDefinition widgets\.example\.com\n  unchecked\(\)   Widget blue/);
});

test("Secrets with values are left out by default, with a warning naming the Secret to create", () => {
  const input = objectsOf([join(fixtures, "secrets/secrets.yaml")]);
  const project = importCheckBuild(["secrets"], { cwd: fixtures, name: "sec" });
  const kept = input.filter((o) => !(o.kind === "Secret" && (o.data || o.stringData)));
  assertRoundTrip(kept, builtObjects(join(project.dir, "out/sec/default")), "default");
  assert.match(project.stderr, /secrets\/secrets\.yaml:1:1 warning TKC1203: Secret 'db' holds values \(password\); it is not imported/);
  assert.match(project.stderr, /secrets\/secrets\.yaml:\d+:1 warning TKC1203: Secret 'api-token' holds values \(token\)/);
  assert.match(project.report, /left out      Secret db: holds values \(password\)/);
  assert.doesNotMatch(readFileSync(join(project.dir, "db.k8s.ts"), "utf8"), /aHVudGVyMg==/);
  assert.match(readFileSync(join(project.dir, "db.k8s.ts"), "utf8"), /kubectl create secret generic db --from-literal=password=\.\.\./);
});

test("--include-secrets keeps them: plainSecret() where it is exact, raw() otherwise", () => {
  const project = importCheckBuild(["secrets", "--include-secrets"], { cwd: fixtures, name: "sec" });
  assertRoundTrip(objectsOf([join(fixtures, "secrets/secrets.yaml")]), builtObjects(join(project.dir, "out/sec/default")), "default");
  assert.match(project.report, /plainSecret\(\) Secret api-token/);
  assert.match(project.report, /raw\(\)         Secret db/);
  assert.match(readFileSync(join(project.dir, "api-token.k8s.ts"), "utf8"), /plainSecret\(\{ name: "api-token", type: "Opaque", stringData: \{ token: "s3cr3t" \}, allowPlaintextInBundle: true \}\)/);
});

test("namespaces: the main one becomes the environment's, others are kept and reported; --env names the environment", () => {
  const project = importCheckBuild(["namespaces", "--env", "prod"], { cwd: fixtures, name: "pay" });
  assertRoundTrip(objectsOf([join(fixtures, "namespaces/all.yaml")]), builtObjects(join(project.dir, "out/pay/prod")), "payments");
  assert.match(readFileSync(join(project.dir, "release.k8s.ts"), "utf8"), /prod: \{ namespace: "payments", createNamespace: false \}/);
  assert.match(project.report, /v1 ConfigMap audit\/audit-settings: keeps its own namespace \(the environment's is payments\)/);
});

test("bad input: no objects, a non-empty --out, a bad name, a missing --out, a missing file", () => {
  const empty = tempDir();
  writeFileSync(join(empty, "notes.yaml"), "# nothing here\n");
  const none = runTkc(["import", "yaml", empty, "--out", join(tempDir(), "x")]);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /error TKC1201: the input holds no Kubernetes objects\n  hint: /);

  const out = tempDir();
  writeFileSync(join(out, "keep.txt"), "mine\n");
  const busy = runTkc(["import", "yaml", "shop", "--out", out], { cwd: fixtures });
  assert.equal(busy.status, 1);
  assert.match(busy.stderr, /error TKC1204: the output folder .* is not empty\n  hint: .*--force/);
  assert.deepEqual(readdirSync(out), ["keep.txt"]);

  const badName = runTkc(["import", "yaml", "shop", "--out", join(tempDir(), "x"), "--name", "Shop_App"], { cwd: fixtures });
  assert.equal(badName.status, 1);
  assert.match(badName.stderr, /error TKC1202: 'Shop_App' is not a release name/);

  const noOut = runTkc(["import", "yaml", "shop"], { cwd: fixtures });
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /needs --out DIR/);

  const missing = runTkc(["import", "yaml", "nope.yaml", "--out", join(tempDir(), "x")], { cwd: fixtures });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /error TKC1001: no such file or folder: nope\.yaml/);

  const broken = tempDir();
  writeFileSync(join(broken, "bad.yaml"), "kind: ConfigMap\napiVersion: v1\nmetadata: {name: a\n");
  const syntax = runTkc(["import", "yaml", join(broken, "bad.yaml"), "--out", join(tempDir(), "x")]);
  assert.equal(syntax.status, 1);
  assert.match(syntax.stderr, /error TKC1101/);
});

test("inputs that define an object twice (alternative installs side by side) are refused before anything is written (TKC1205)", () => {
  const dir = tempDir();
  const object = (kind: string, name: string, extra = "") => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${extra}`;
  // Two installs of one application, as metallb ships them: most objects in both.
  writeFileSync(join(dir, "app-native.yaml"), [object("Namespace", "app"), object("ServiceAccount", "controller", "  namespace: app\n"), object("ConfigMap", "native-only", "  namespace: app\n")].join("---\n"));
  writeFileSync(join(dir, "app-frr.yaml"), [object("ConfigMap", "frr-only", "  namespace: app\n"), object("Namespace", "app"), object("ServiceAccount", "controller", "  namespace: app\n")].join("---\n"));
  const out = join(tempDir(), "project");
  const both = runTkc(["import", "yaml", ".", "--out", out], { cwd: dir });
  assert.equal(both.status, 1, both.stderr);
  // app-frr.yaml is read first (name order): the repeats are in app-native.yaml, at its first document.
  assert.match(both.stderr, /^app-native\.yaml:1:1 error TKC1205: app-native\.yaml defines 2 objects that app-frr\.yaml defines too \(Namespace app, ServiceAccount controller\); a release holds each object once\n  = note: app-frr\.yaml:7:1: the first Namespace app is here\n  hint: files that repeat each other are often alternative installs of one application: import one of them\n/m);
  assert.equal(existsSync(out), false, "nothing written");

  // The same name in another namespace is another object; the same object twice in one file is not.
  writeFileSync(join(dir, "one.yaml"), [object("ConfigMap", "a", "  namespace: x\n"), object("ConfigMap", "a", "  namespace: y\n"), object("ConfigMap", "b"), object("ConfigMap", "b")].join("---\n"));
  const one = runTkc(["import", "yaml", "one.yaml", "--out", out], { cwd: dir });
  assert.equal(one.status, 1, one.stderr);
  assert.match(one.stderr, /^one\.yaml:\d+:1 error TKC1205: one\.yaml defines an object twice \(ConfigMap b\); a release holds each object once\n[\s\S]*hint: remove one copy of each\n/m);
  assert.doesNotMatch(one.stderr, /ConfigMap a\b/);
  assert.equal(runTkc(["import", "yaml", "app-native.yaml", "--out", out], { cwd: dir }).status, 0, "one of the alternatives imports");
});

// Before, two Jobs named by the API server (metadata.generateName) were "an object defined twice"
// (TKC1205, "Job undefined"), and one alone was reported as "Job undefined" in an application "".
test("objects with only a generateName are distinct objects: imported, grouped by its stem, built", () => {
  const dir = tempDir();
  const job = (container: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: ${container}\n          image: busybox:1.36\n`;
  writeFileSync(join(dir, "job-a.yaml"), job("a"));
  writeFileSync(join(dir, "job-b.yaml"), job("b"));
  // an object whose name is "undefined-…" is not taken for their application
  writeFileSync(join(dir, "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: undefined-settings\ndata:\n  a: b\n");
  const out = join(tempDir(), "project");
  const imported = runTkc(["import", "yaml", ".", "--out", out], { cwd: dir });
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /^migrate\.k8s\.ts \(migrate; grouped by [^)]*\)\n  raw\(\)         Job migrate-<generated>\n  raw\(\)         Job migrate-<generated>\n/m);
  assert.match(imported.stdout, /^undefined-settings\.k8s\.ts \(undefined-settings; grouped by own name\)/m);
  assert.doesNotMatch(imported.stdout + imported.stderr, /Job undefined|\(;/);
  const built = runTkc(["build", out, "--out", join(out, "out")]);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /\+3 ~0 -0 objects/);
});

test("service(): a Deployment and Service that service() builds exactly are mapped to it, verified; others and --raw stay raw()", () => {
  const input = objectsOf([join(fixtures, "service/api.yaml")]);
  const project = importCheckBuild(["service", "--name", "svc"], { cwd: fixtures, name: "svc" });
  assertRoundTrip(input, builtObjects(join(project.dir, "out/svc/default")), "default");
  assert.match(project.report, /  service\(\)     Deployment api \+ Service api \(security: "none"/);
  assert.match(project.report, /  raw\(\)         Deployment admin\n  raw\(\)         Service admin/);
  assert.match(project.report, /mapped to service\(\): api \(verified/);
  const api = readFileSync(join(project.dir, "api.k8s.ts"), "utf8");
  assert.match(api, /^export const api = service\(\{\n  name: "api",\n  image: apiImage,/m);
  assert.match(api, /  security: "none",\n/);
  assert.match(api, /  port: \{ name: "http", containerPort: 8080, servicePort: 80 \},/);

  // the same manifests under another release name: service()'s instance label would differ, so raw()
  const other = importCheckBuild(["service", "--name", "other"], { cwd: fixtures, name: "other" });
  assert.match(other.report, /mapped to service\(\): none/);
  assertRoundTrip(input, builtObjects(join(other.dir, "out/other/default")), "default");

  const raw = runTkc(["import", "yaml", "service", "--name", "svc", "--raw", "--out", join(tempDir(), "raw")], { cwd: fixtures });
  assert.equal(raw.status, 0, raw.stderr);
  assert.match(raw.stdout, /  raw\(\)         Deployment api\n  raw\(\)         Service api/);
});

// Names come from someone else's manifests: a newline in one printed a CI annotation of its own.
test("names in the import report are shown escaped, and the generated code keeps them as data", () => {
  const dir = tempDir("tkc-import-hostile-");
  // A YAML comment may hold U+2028, which ends a line in JavaScript (and so a // comment).
  writeFileSync(join(dir, "in.yaml"), '# kept\u2028globalThis.pwned = 1;\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "web\\n::error::forged\\u001b[2J"\ndata:\n  a: b\n');
  const imported = runTkc(["import", "yaml", "in.yaml", "--out", "proj"], { cwd: dir });
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /raw\(\) {9}ConfigMap web\\u000a::error::forged\\u001b\[2J\n/);
  assert.doesNotMatch(imported.stdout, /^\s*::|\u001b/m);
  // In the generated code, the name and the comment stay inside their comments.
  const generated = readdirSync(join(dir, "proj")).filter((f) => f.endsWith(".k8s.ts") && f !== "release.k8s.ts");
  assert.equal(generated.length, 1);
  const code = readFileSync(join(dir, "proj", generated[0]!), "utf8");
  for (const line of code.split(/\r\n|[\n\r\u2028\u2029]/)) assert.doesNotMatch(line, /^(::|globalThis)/, `a line of the comments became code:\n${code}`);
  assert.match(code, /\/\/ kept\\u2028globalThis\.pwned = 1;/);
  // The name the API server would refuse is the check's to report, at its place.
  const checked = runTkc(["check", "proj"], { cwd: dir });
  assert.equal(checked.status, 1);
  assert.match(checked.stderr, /error TKC3101: name "web\\n::error::forged\\u001b\[2J" is not a valid DNS-1123 subdomain/);
});

// Inputs are read up to their limit: /dev/zero (size 0 to stat) was read until the memory ran out.
test("tkc import yaml and tkc import crd stop reading an endless input at their limit", () => {
  const yaml = runTkc(["import", "yaml", "/dev/zero", "--out", join(tempDir(), "x")]);
  assert.equal(yaml.status, 1);
  assert.match(yaml.stderr, /error TKC1107: .*dev\/zero is larger than 16 MiB/);
  const crd = runTkc(["import", "crd", "/dev/zero"], { cwd: tempDir() });
  assert.equal(crd.status, 1);
  assert.match(crd.stderr, /error TKC1107: \/dev\/zero is larger than 16 MiB/);
});

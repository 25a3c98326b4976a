// The supported Kubernetes versions live in one table (schemas/kube-versions.json). Docs and
// configuration that name versions are checked against it here, so a new version cannot leave a
// stale "1.33-1.36" behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../support/cli.js";
import { defaultKubeVersion, newestKubeVersion, oldestKubeVersion, supportedKubeVersions } from "../../schemas/index.js";

function markdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name === "expected" ? [] : markdown(full);
    return name.endsWith(".md") ? [full] : [];
  });
}

const docs = [join(repoRoot, "README.md"), ...markdown(join(repoRoot, "docs")), ...markdown(join(repoRoot, "inputs")), ...markdown(join(repoRoot, "examples"))]
  .map((file) => ({ file: relative(repoRoot, file), text: readFileSync(file, "utf8") }));

function findAll(pattern: RegExp): { where: string; match: RegExpMatchArray }[] {
  return docs.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((match) => ({ where: `${file}:${text.slice(0, match.index).split("\n").length}`, match })));
}

test("the table: versions ascending, the default among them", () => {
  const minors = supportedKubeVersions.map((v) => Number(v.split(".")[1]));
  assert.deepEqual(minors, [...minors].sort((a, b) => a - b));
  assert.ok(supportedKubeVersions.includes(defaultKubeVersion));
  assert.equal(oldestKubeVersion, supportedKubeVersions[0]);
  assert.equal(newestKubeVersion, supportedKubeVersions.at(-1));
});

test("version ranges in the docs (1.NN-1.MM, 1.NN to 1.MM) are the table's", () => {
  const ranges = findAll(/\b(1\.\d\d)(?:-| to )(1\.\d\d)\b/g);
  assert.ok(ranges.length >= 3, `found ${ranges.length} ranges`);
  const wrong = ranges.filter(({ match }) => match[1] !== oldestKubeVersion || match[2] !== newestKubeVersion).map(({ where, match }) => `${where}: ${match[0]}`);
  assert.deepEqual(wrong, [], `expected ${oldestKubeVersion}-${newestKubeVersion}`);
});

test("version lists in the docs (1.NN, 1.NN or 1.NN) name every supported version", () => {
  const lists = findAll(/\b1\.\d\d(?:, 1\.\d\d)+,? (?:or|and) 1\.\d\d\b/g);
  assert.ok(lists.length >= 1);
  const wrong = lists.filter(({ match }) => match[0].match(/1\.\d\d/g)!.join(",") !== supportedKubeVersions.join(",")).map(({ where, match }) => `${where}: ${match[0]}`);
  assert.deepEqual(wrong, []);
});

test("a default version named in the docs is the table's default", () => {
  const defaults = findAll(/\bdefault\b(?! since)[^.\n|]{0,40}?\b(1\.\d\d)\b/g);
  assert.ok(defaults.length >= 2, `found ${defaults.length}`);
  const wrong = defaults.filter(({ match }) => match[1] !== defaultKubeVersion).map(({ where, match }) => `${where}: ${match[0]}`);
  assert.deepEqual(wrong, []);
});

test("every version the docs pass to --kube-version or kubeVersion is supported", () => {
  const uses = [...findAll(/--kube-version[ =]`?(1\.\d\d(?:,1\.\d\d)*)/g), ...findAll(/"kubeVersion": "(1\.\d\d)"/g)];
  assert.ok(uses.length >= 5, `found ${uses.length}`);
  // TKC1003's page shows an unsupported version on purpose.
  const wrong = uses.filter(({ where }) => !where.startsWith("docs/errors/TKC1003.md:")).flatMap(({ where, match }) => match[1]!.split(",").filter((v) => !(supportedKubeVersions as readonly string[]).includes(v)).map((v) => `${where}: ${v}`));
  assert.deepEqual(wrong, []);
});

test("the committed upstream specs table lists each supported version", () => {
  const readme = join(repoRoot, "inputs", "k8s-openapi", "README.md");
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, "utf8");
  for (const version of supportedKubeVersions) assert.match(text, new RegExp(`\\| \`k8s-openapi/v${version.replace(".", "\\.")}/swagger\\.json\` \\| ${version.replace(".", "\\.")} `), `v${version} has a row`);
});

test("tkc/k8s resolves to the default version's types in tsconfig.json and package.json", () => {
  const tsconfig = JSON.parse(readFileSync(join(repoRoot, "tsconfig.json"), "utf8"));
  assert.deepEqual(tsconfig.compilerOptions.paths["tkc/k8s"], [`./schemas/v${defaultKubeVersion}/types.ts`]);
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  assert.equal(manifest.exports["./k8s"].types, `./dist/types/schemas/v${defaultKubeVersion}/types.d.ts`);
});

/**
 * Runs `tkc validate`'s reading and validation, in process, over ../shared/realworld: real
 * manifests from public projects that a Kubernetes 1.36 API server accepts (see its README).
 * Each folder of units.txt is one set; every other file stands alone; a custom resource file is
 * validated with the CRD sets its project's cr/<project>/crds.txt names (read once, passed as
 * `--crds` would pass them).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { validateManifests } from "../../compiler/cli/commands/validate.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { readManifests } from "../../compiler/load/yaml/inputs.js";
import type { SourcedObject } from "../../compiler/model/object.js";
import { validateObjects } from "../../compiler/validate/validate.js";
import { repoRoot } from "../support/cli.js";

export const corpusRoot = join(repoRoot, "..", "shared", "realworld");

export function corpusPresent(): boolean {
  return existsSync(join(corpusRoot, "units.txt")) && existsSync(join(corpusRoot, "known-invalid.txt"));
}

export interface Rejection {
  readonly file: string;
  readonly object: string;
  readonly code: string;
  readonly message: string;
}

export interface CorpusResult {
  readonly files: number;
  readonly objects: number;
  readonly units: number;
  /** Errors on objects a 1.36 API server accepts. */
  readonly falseRejections: Rejection[];
  /** known-invalid.txt entries tkc accepted. */
  readonly missedInvalid: string[];
  /** removed-apis/ objects not rejected with the replacement named. */
  readonly missedRemoved: string[];
  readonly warnings: number;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

const lines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));

/** `file kind name` of known-invalid.txt (name `-` for none). */
function knownInvalid(): Set<string> {
  return new Set(lines(join(corpusRoot, "known-invalid.txt")).map((l) => l.split("#")[0]!.trim().split(/\s+/).join(" ")));
}

/** "apps/v1 Deployment ns/name" -> kind, name */
function identity(object: string | undefined): { kind: string; name: string } {
  const [, kind = "?", ref = "-"] = (object ?? "").split(" ");
  const name = ref.includes("/") ? ref.slice(ref.indexOf("/") + 1) : ref;
  return { kind, name: name === "<unnamed>" ? "-" : name };
}

export function runCorpus(): CorpusResult {
  const all = yamlFiles(corpusRoot).filter((f) => !relative(corpusRoot, f).startsWith("cr/crds/"));
  const units: string[][] = [];
  const grouped = new Set<string>();
  for (const line of lines(join(corpusRoot, "units.txt"))) {
    const files = line.split(/\s+/).flatMap((dir) =>
      readdirSync(join(corpusRoot, dir))
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
        .map((n) => join(corpusRoot, dir, n)),
    );
    files.forEach((f) => grouped.add(f));
    units.push(files);
  }
  for (const f of all) if (!grouped.has(f)) units.push([f]);

  const crdSets = new Map<string, SourcedObject[]>();
  const crdsOf = (project: string): SourcedObject[] => {
    const out: SourcedObject[] = [];
    for (const line of lines(join(corpusRoot, "cr", project, "crds.txt"))) {
      const set = line.split(/\s+/)[0]!;
      if (!crdSets.has(set)) crdSets.set(set, readManifests([join(corpusRoot, "cr", "crds", `${set}.yaml`)]).sets.flatMap((s) => s.objects));
      out.push(...crdSets.get(set)!);
    }
    return out;
  };

  const invalid = knownInvalid();
  const rejected = new Set<string>();
  const falseRejections: Rejection[] = [];
  const missedRemoved: string[] = [];
  let objects = 0;
  let warnings = 0;
  for (const unit of units) {
    const rel = relative(corpusRoot, unit[0]!);
    let diagnostics: Diagnostic[];
    let unitObjects: SourcedObject[];
    if (rel.startsWith("cr/")) {
      // the CRDs come read once (as `--crds` would give them), the custom resources as tkc validate reads them
      const read = readManifests(unit);
      unitObjects = read.sets.flatMap((s) => s.objects);
      diagnostics = [...read.diagnostics, ...validateObjects(unitObjects, "1.36", { extraCrds: crdsOf(rel.split("/")[1]!), unknownCustomResources: "skip", policy: "warning" })];
    } else {
      const run = validateManifests(unit, { kubeVersions: ["1.36"] });
      diagnostics = run.diagnostics;
      unitObjects = rel.startsWith("removed-apis/") ? readManifests(unit).sets.flatMap((s) => s.objects) : [];
      objects += run.objects - unitObjects.length;
    }
    objects += unitObjects.length;
    for (const d of diagnostics) {
      if (d.severity !== "error") {
        warnings++;
        continue;
      }
      const file = relative(corpusRoot, d.location?.file ?? unit[0]!);
      const { kind, name } = identity(d.object);
      const key = `${file} ${kind} ${name}`;
      rejected.add(key);
      if (invalid.has(key)) continue;
      if (file.startsWith("removed-apis/") && d.code === "TKC3001") continue;
      falseRejections.push({ file, object: d.object ?? "(no object)", code: d.code, message: d.message });
    }
    if (rel.startsWith("removed-apis/")) {
      for (const o of unitObjects) {
        const d = diagnostics.find((x) => x.code === "TKC3001" && x.object?.endsWith(`${o.object.kind} ${o.object.metadata?.namespace ? o.object.metadata.namespace + "/" : ""}${o.object.metadata?.name}`));
        if (!d || !/\buse (apiVersion \S+|Pod Security Admission)/.test(d.hint ?? "")) missedRemoved.push(`${rel} ${o.object.apiVersion} ${o.object.kind} ${o.object.metadata?.name}: ${d ? `hint "${d.hint}" names no replacement` : "not rejected"}`);
      }
    }
  }
  const missedInvalid = [...invalid].filter((k) => !rejected.has(k));
  return { files: all.length, objects, units: units.length, falseRejections, missedInvalid, missedRemoved, warnings };
}

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { error, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/source.js";
import { crdTypeGroups, crdTypesEntry, kubeTypesEntry, noCrdTypesDeclaration, preferredTypeSource, sandboxGlobalsDeclaration, stdlibEntry, textModulesDeclaration, tkcRoot, toolchainFingerprint, type TypeSource } from "../paths.js";
import { cacheDir, readCache, sha256, writeCache } from "../cache/cache-dir.js";
import { parseTscOutput } from "./tsc-output.js";
import { programFiles } from "./program-files.js";
import { unusedImportWarnings } from "./unused-imports.js";

export interface TypecheckInput {
  readonly projectDir: string;
  readonly sources: readonly SourceFile[];
  readonly kubeVersion: string;
}

export interface TypecheckOutput {
  readonly diagnostics: readonly Diagnostic[];
  /** True when the result came from the cache (nothing changed since the last check). */
  readonly cached: boolean;
  /** The project's files in tsc's program (absolute): tsc read them, so their code frames may show. */
  readonly files?: readonly string[];
}

/**
 * Compiler options for descriptors, as `tkc init` writes them for editors: "tkc", "tkc/k8s" and
 * "tkc/crds" resolve through the package's `exports` from node_modules, so no `paths` are needed.
 */
export function descriptorCompilerOptions() {
  return {
    strict: true,
    noEmit: true,
    target: "es2022",
    module: "esnext",
    moduleResolution: "bundler",
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    noUncheckedIndexedAccess: false,
    exactOptionalPropertyTypes: false,
    lib: ["es2022"],
    types: [] as string[],
  };
}

/**
 * Where "tkc", "tkc/k8s" (the project's Kubernetes version) and "tkc/crds" are, for tkc's own
 * check and for projects that cannot resolve tkc from node_modules (tkc run from a checkout).
 */
export function descriptorPaths(kubeVersion: string, pathsFrom: (absolute: string) => string = (p) => p, types: TypeSource = "sources") {
  return {
    tkc: [pathsFrom(stdlibEntry(types))],
    "tkc/k8s": [pathsFrom(kubeTypesEntry(kubeVersion, types))],
    "tkc/crds": [pathsFrom(crdTypesEntry(types))],
  };
}

/**
 * Paths as a tsconfig in `dir` names them: relative, for tsc reads a `*` in a `paths` value as
 * the place of the pattern's match, and tkc installed under `~/we*rd/app/node_modules` resolved
 * no "tkc" at all; from the project's own folders the relative path holds no such folder.
 */
export function pathsRelativeTo(dir: string): (absolute: string) => string {
  return (absolute) => {
    const path = relative(dir, absolute).split(sep).join("/");
    return path.startsWith("../") || isAbsolute(path) ? path : `./${path}`;
  };
}

/** The native tsc executable, spawned directly (not through its node launcher) to save a process start. */
function tscCommand(): { command: string; args: string[] } {
  const require = createRequire(join(tkcRoot(), "package.json"));
  try {
    const platformPackage = `@typescript/typescript-${process.platform}-${process.arch}/package.json`;
    const exe = join(dirname(require.resolve(platformPackage)), "lib", process.platform === "win32" ? "tsc.exe" : "tsc");
    if (existsSync(exe)) return { command: exe, args: [] };
  } catch {
    // fall through to the launcher
  }
  return { command: process.execPath, args: [join(dirname(require.resolve("typescript/package.json")), "bin", "tsc")] };
}

/** The stdlib and the generated types are inputs too: their content is part of the cache key. */
function inputKey(input: TypecheckInput): string {
  const parts = [toolchainFingerprint(), input.kubeVersion, ...input.sources.map((s) => `${s.path}\0${s.sha256}`)];
  return sha256(parts.join("\n"));
}

/**
 * Run TypeScript's native checker (tsc 7) over the project's descriptors, the stdlib and the
 * generated Kubernetes types. Results are cached by a hash of every input file.
 */
export async function typecheck(input: TypecheckInput): Promise<TypecheckOutput> {
  const unreadable = backslashProblem(input);
  if (unreadable) return { diagnostics: [unreadable], cached: false };
  const cache = cacheDir(input.projectDir);
  const key = `typecheck-${inputKey(input)}.json`;
  const hit = readCache<{ diagnostics: Diagnostic[]; files: string[] }>(cache, key);
  if (hit?.diagnostics) return { diagnostics: hit.diagnostics, files: hit.files, cached: true };

  // Without the CRDs' types when the sources name none: raw() takes every built-in custom
  // resource, so they are in every program, and they are a third of tsc's work at N=10. A
  // narrower raw() only ever refuses more, so a check that passes without them passes with
  // them; one that fails is run again with them, and that result stands.
  const types = preferredTypeSource();
  // Which checks ran, kept in the cache entry (what a reader of the cache, or a test, can see).
  const checks: ("without custom resource types" | "with custom resource types")[] = [];
  let checked: Awaited<ReturnType<typeof runTsc>> | undefined;
  if (!namesCustomResources(input.sources, types)) {
    checks.push("without custom resource types");
    checked = await runTsc(input, cache, types, "none");
  }
  if (!checked || !checked.final || hasErrors(checked.diagnostics)) {
    checks.push("with custom resource types");
    checked = await runTsc(input, cache, types, "all");
  }
  if (checked.final) writeCache(cache, key, { diagnostics: checked.diagnostics, files: checked.files ?? [], checks });
  return { diagnostics: checked.diagnostics, files: checked.files, cached: false };
}

/**
 * tsc reads every backslash in a path as a folder separator (as on Windows), so on other systems
 * it cannot open a project whose path holds one: it said "TS5058: The specified path does not
 * exist" about a path nobody wrote.
 */
function backslashProblem(input: TypecheckInput): Diagnostic | undefined {
  if (process.platform === "win32") return undefined;
  const file = input.sources.find((source) => source.path.includes("\\"));
  if (!input.projectDir.includes("\\") && !file) return undefined;
  const where = input.projectDir.includes("\\") ? `the project's folder ${input.projectDir}` : `${file!.path}`;
  return error("TKC1010", `the TypeScript checker cannot read ${where}: it takes the backslash in the name for a folder separator`, {
    ...(file && !input.projectDir.includes("\\") ? { location: { file: file.path, line: 1, column: 1 } } : {}),
    hint: "rename the folder or file without the backslash",
  });
}

let crdNeedles: readonly string[] | undefined;

/** Whether a source imports "tkc/crds" or names one of its API groups (in an apiVersion, say). */
function namesCustomResources(sources: readonly SourceFile[], types: TypeSource): boolean {
  // The groups are tkc's own folders: listed once per process.
  const needles = (crdNeedles ??= ["tkc/crds", ...crdTypeGroups(types)]);
  return sources.some((source) => needles.some((needle) => source.text.includes(needle)));
}

/** One tsc run; `final` is false for a result that must not be cached (a refused file, a failed checker). */
async function runTsc(input: TypecheckInput, cache: string, types: TypeSource, crdTypes: "all" | "none"): Promise<TypecheckOutput & { readonly final: boolean }> {
  // A config of this run's own, removed afterwards: builds of several projects (or two of one)
  // may share a cache folder (TKC_CACHE_DIR in CI) and run at once, and one shared config let
  // one build's tsc check the other's files. No incremental state either, for the same reason:
  // tsc 7's build info did not make a check faster (measured at N=10 and N=100, cold and after a
  // one-file edit), only added a file every concurrent build wrote.
  const name = `${process.pid}-${++runs}`;
  const tsconfig = join(cache, `tsconfig.${name}.json`);
  // tsc reads a `*` in a `paths` value as a pattern's place: when the way from the cache folder
  // to tkc passes a folder named with one, tkc is named through a link of this run's own.
  const link = relative(cache, tkcRoot()).includes("*") ? join(cache, `tkc.${name}`) : undefined;
  if (link) symlinkSync(tkcRoot(), link, "junction");
  const named = (absolute: string) => pathsRelativeTo(cache)(link ? join(link, relative(tkcRoot(), absolute)) : absolute);
  const paths = descriptorPaths(input.kubeVersion, named, types);
  writeFileSync(tsconfig, JSON.stringify({
    compilerOptions: {
      ...descriptorCompilerOptions(),
      // for unused imports of other descriptors only (unused-imports.ts); the editor's tsconfig has no such setting
      noUnusedLocals: true,
      paths: crdTypes === "all" ? paths : { ...paths, "tkc/crds": [named(noCrdTypesDeclaration())] },
    },
    files: [textModulesDeclaration(), sandboxGlobalsDeclaration(), ...input.sources.map((s) => s.path)],
  }));
  try {
    return await checkWith(tsconfig, input);
  } finally {
    rmSync(tsconfig, { force: true });
    try {
      if (link) rmSync(link, { force: true });
    } catch {
      // a link left in the cache folder is harmless: the next run's has another name
    }
  }
}

let runs = 0;

async function checkWith(tsconfig: string, input: TypecheckInput): Promise<TypecheckOutput & { readonly final: boolean }> {
  const tsc = tscCommand();
  const output = await run(tsc.command, [...tsc.args, "-p", tsconfig, "--pretty", "false", "--listFiles", ...tscFlags()], input.projectDir);
  // tsc follows imports (type-only ones too, which the bundle never sees): a file it reached
  // outside the project is refused, and nothing tsc said is shown, as it may quote that file.
  const program = programFiles(output.stdout, input.projectDir, [tkcRoot(), tsc.args[0] ?? tsc.command]);
  if (program.refused.length > 0) return { diagnostics: program.refused, cached: false, final: false };
  const found = parseTscOutput(output.stdout, input.projectDir);
  // tsc exits 1 for unused names too, which are dropped here: a failure is an exit without findings.
  const diagnostics = unusedImportWarnings(found, input.sources);
  if (output.code !== 0 && found.length === 0) {
    return { diagnostics: [error("TKC1010", `the TypeScript checker failed: ${(output.stderr || output.stdout).trim().slice(0, 500)}`)], cached: false, final: false };
  }
  return { diagnostics, files: program.inside, cached: false, final: true };
}

/**
 * One checker thread: tsc runs beside evaluation and validation on a 2-core machine, and its
 * parallel checkers only take the core the rest of the build needs (measured: 1.31 s -> 1.10 s
 * at N=500). TKC_TSC_FLAGS replaces this for experiments.
 */
function tscFlags(): string[] {
  const custom = process.env.TKC_TSC_FLAGS;
  return custom !== undefined ? custom.split(" ").filter(Boolean) : ["--singleThreaded"];
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolveRun({ code: code ?? 1, stdout, stderr }));
    child.on("error", (cause) => resolveRun({ code: 1, stdout, stderr: String(cause) }));
  });
}

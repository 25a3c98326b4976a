import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { error } from "../diagnostics/diagnostic.js";
import { fail, succeed, type StageResult } from "../model/stage.js";
import { isDns1123Label } from "../../syntax/index.js";

/**
 * A path under the output root that tkc must not write, delete or read through: a name that is
 * not a single safe path component, a target outside the root, a symbolic link inside the output
 * tree (a pull request can commit `out/shop/history/prod -> /elsewhere`), or a directory in the
 * way that is not a tkc bundle. Reported as TKC4007.
 */
export class UnsafeOutput extends Error {
  constructor(message: string, readonly file: string, readonly hint: string) {
    super(message);
  }
}

/** Release names are at most 53 characters (docs/dsl.md), environment names at most 63 (a DNS label). */
const MAX = { release: 53, environment: 63 } as const;

/** A release or environment name as a path component: a DNS-1123 label (so no `/`, `..` or NUL). */
export function checkName(what: "release" | "environment", name: unknown): string {
  if (!isDns1123Label(name, MAX[what])) {
    const shown = typeof name === "string" ? JSON.stringify(name.length > 80 ? name.slice(0, 80) + "…" : name) : typeof name;
    throw new UnsafeOutput(`${what} name ${shown} is not a DNS-1123 label of at most ${MAX[what]} characters, so it cannot name an output directory`, "", "use lowercase letters, digits and '-'");
  }
  if (what === "environment" && name === "history") {
    throw new UnsafeOutput("environment name 'history' is reserved for the release's revision history", "", "call it e.g. 'archive'");
  }
  return name;
}

/** Join path components under a root, each re-checked, and assert the result lies inside the root. */
export function joinInside(root: string, ...parts: string[]): string {
  for (const part of parts) {
    if (part === "" || part === "." || part === ".." || /[/\\\0]/.test(part) || Buffer.byteLength(part) > 255) {
      throw new UnsafeOutput(`refusing the path component ${JSON.stringify(part)} under ${root}`, root, "this is a bug in how the name was made; please report it");
    }
  }
  const target = resolve(root, ...parts);
  const rel = relative(resolve(root), target);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new UnsafeOutput(`${target} is not inside the output directory ${root}`, target, "check the release and environment names");
  }
  return target;
}

/** Where refuseLinks looks, as its messages name it, and what to do once the link is gone. */
export interface LinkPlace {
  readonly name: string;
  readonly retry: string;
}

const OUTPUT_DIRECTORY: LinkPlace = { name: "the output directory", retry: "build again, or build into another --out" };

/**
 * Refuse when any existing component of `path` below `root` (the root itself may be a link the
 * user chose) is a symbolic link, or is not a directory where one is needed.
 */
export function refuseLinks(root: string, path: string, place: LinkPlace = OUTPUT_DIRECTORY): void {
  const rel = relative(resolve(root), resolve(path));
  if (rel.startsWith("..") || isAbsolute(rel)) throw new UnsafeOutput(`${path} is not inside ${place.name} ${root}`, path, "check the names");
  let at = resolve(root);
  for (const part of rel === "" ? [] : rel.split(sep)) {
    at = join(at, part);
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      return; // the rest does not exist yet: it will be created as plain directories
    }
    if (stat.isSymbolicLink()) {
      throw new UnsafeOutput(`${at} is a symbolic link; tkc never writes, deletes or reads through a link inside ${place.name}`, at, `remove the link (a commit may have planted it) and ${place.retry}`);
    }
  }
}

/** Refuse a symbolic link among a bundle directory's entries and those of its objects/ folder. */
export function refuseLinkedFiles(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const at = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      throw new UnsafeOutput(`${at} is a symbolic link; tkc never reads or copies through a link inside the output directory`, at, "remove the link and restore the file from git");
    }
    if (entry.name === "objects" && entry.isDirectory()) refuseLinkedFiles(at);
  }
}

/**
 * A directory tkc may replace: absent, empty, or a tkc bundle (it holds bundle.json). Anything else
 * is someone else's directory, and tkc never deletes it.
 */
export function checkReplaceable(dir: string): void {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) throw new UnsafeOutput(`${dir} is a symbolic link; tkc never replaces a link inside the output directory`, dir, "remove the link and build again");
  if (!stat.isDirectory()) throw new UnsafeOutput(`${dir} is in the way of the bundle and is not a directory`, dir, "move it away, or build into another --out");
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes("bundle.json")) {
    throw new UnsafeOutput(`${dir} is not a tkc bundle (it has no bundle.json), so tkc will not replace it`, dir, "move the directory away, or build into another --out");
  }
}

/**
 * `outDir` from tkc.config.json must stay inside the project (after resolving links), so a
 * descriptor repository cannot point the output, and its deletes, at another team's folder. A
 * directory given with --out on the command line is the user's own choice and is not checked.
 */
export function checkConfiguredOutDir(projectDir: string, outDir: unknown): string | undefined {
  if (typeof outDir !== "string" || outDir === "") return `outDir in tkc.config.json must be a non-empty string (a folder inside the project)`;
  const target = resolve(projectDir, outDir);
  const real = (path: string): string => {
    let at = path;
    const rest: string[] = [];
    while (!existsSync(at) && dirname(at) !== at) {
      rest.unshift(at.slice(dirname(at).length + 1));
      at = dirname(at);
    }
    return join(realpathSync(at), ...rest);
  };
  const rel = relative(real(projectDir), real(target));
  if (rel.startsWith("..") || isAbsolute(rel)) {
    return `outDir ${JSON.stringify(outDir)} in tkc.config.json resolves to ${target}, outside the project`;
  }
  return undefined;
}

/**
 * Where a build writes: `--out` as given (the user's choice), else the project's configured
 * outDir, which must stay inside the project (TKC4007).
 */
export function outputRoot(project: { readonly dir: string; readonly configFile?: string; readonly config: { readonly outDir: string } }, outDir: string | undefined): StageResult<string> {
  if (outDir !== undefined) return succeed(resolve(outDir));
  const outside = checkConfiguredOutDir(project.dir, project.config.outDir);
  if (outside) {
    return fail([error("TKC4007", outside, { ...(project.configFile ? { location: { file: project.configFile, line: 1, column: 1 } } : {}), hint: "point outDir at a folder inside the project, or pass --out on the command line to write elsewhere" })]);
  }
  return succeed(resolve(join(project.dir, project.config.outDir)));
}

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CONFIG_FILE } from "../load/project.js";
import { checkConfiguredOutDir, checkName } from "./output-path.js";
import { parseConfig } from "../load/config.js";

function isName(name: string): boolean {
  try {
    checkName("release", name);
    return true;
  } catch {
    return false;
  }
}

/** Which release's history a command works on, and under which output root. */
export interface ReleaseTarget {
  readonly outRoot: string;
  readonly release: string;
}

/**
 * `tkc history shop` (a release name, history under --out or ./out) or `tkc history examples/shop`
 * (a project directory: its configured outDir, and the release found there).
 */
export function resolveReleaseTarget(target: string, out: string | undefined): { target?: ReleaseTarget; diagnostic?: Diagnostic } {
  const asDir = resolve(target);
  const isDir = existsSync(asDir) && statSync(asDir).isDirectory();
  if (isDir && (existsSync(join(asDir, CONFIG_FILE)) || existsSync(join(asDir, "release.k8s.ts")))) {
    // The load stage's reader of tkc.config.json; its other mistakes are the build's to report.
    let outDir: unknown = "out";
    try {
      const file = join(asDir, CONFIG_FILE);
      outDir = parseConfig(file, readFileSync(file, "utf8")).config.outDir ?? "out";
    } catch {
      // no or unreadable config: the default
    }
    const outside = out === undefined ? checkConfiguredOutDir(asDir, outDir) : undefined;
    if (outside) return { diagnostic: error("TKC4007", outside, { hint: "point outDir at a folder inside the project, or pass --out" }) };
    const outRoot = resolve(out ?? join(asDir, outDir as string)); // a string: checked above
    const releases = existsSync(outRoot) ? readdirSync(outRoot).filter((name) => isName(name) && existsSync(join(outRoot, name, "history"))) : [];
    if (releases.length === 1) return { target: { outRoot, release: releases[0]! } };
    return {
      diagnostic: error("TKC4004", releases.length === 0 ? `no release history under ${outRoot}` : `several releases under ${outRoot}: ${releases.join(", ")}`, {
        hint: releases.length === 0 ? `run \`tkc build ${target}\` first` : "name the release instead of the project, with --out",
      }),
    };
  }
  const outRoot = resolve(out ?? "out");
  const named = isName(target) && existsSync(join(outRoot, target, "history"));
  if (!named && isDir) {
    // A folder, and not a project's: `tkc history` run outside any project, most likely.
    return { diagnostic: error("TKC4004", `${asDir} is not in a tkc project (no ${CONFIG_FILE} in it or above it), and no release of that name has a history under ${outRoot}`, {
      hint: "run the command inside a project, or name the project directory or the release (with --out where `tkc build` wrote it)",
    }) };
  }
  if (!named) {
    return { diagnostic: error("TKC4004", `no history for release '${target}' under ${outRoot}`, { hint: "pass --out with the directory `tkc build` wrote to, or the project directory" }) };
  }
  return { target: { outRoot, release: target } };
}

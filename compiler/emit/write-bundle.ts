import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { listBundleDir } from "./bundle-dir.js";
import { checkReplaceable, joinInside } from "../release/output-path.js";
import { ownerAlive, ownerOfName, ownerTag } from "../release/owner.js";
import type { BundlePlan } from "./bundle-plan.js";

export type WriteOutcome = "written" | "unchanged";

/**
 * True when the directory holds exactly these files with these bytes, each a regular file. This is
 * what detects an in-place edit of the current bundle (an editor's save, `>>`, `kustomize edit`):
 * the bundle shares no file with the history, so the edit changed only this copy.
 */
export function sameOnDisk(dir: string, files: ReadonlyMap<string, string>): boolean {
  return sameOnDiskStats(dir, files) !== undefined;
}

/** sameOnDisk, answering with each file's [size, mtime] (the warm build's stat cache) when it holds. */
export function sameOnDiskStats(dir: string, files: ReadonlyMap<string, string>): Record<string, [number, number]> | undefined {
  let entries;
  try {
    entries = listBundleDir(dir);
  } catch {
    return undefined;
  }
  if (entries.length !== files.size) return undefined;
  const stats: Record<string, [number, number]> = {};
  for (const entry of entries) {
    const expected = files.get(entry.name);
    if (expected === undefined || !entry.isFile) return undefined;
    const full = join(dir, entry.name);
    // Sizes first: most edits change them, and a stat is cheaper than a read.
    const stat = statSync(full);
    if (stat.size !== Buffer.byteLength(expected) || readFileSync(full, "utf8") !== expected) return undefined;
    stats[entry.name] = [stat.size, stat.mtimeMs];
  }
  return stats;
}

/** Put back a bundle a killed build had moved aside, and clear the temp directories of dead writers. */
function recover(target: string): void {
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    const kind = entry.startsWith(`.${name}.old-`) ? "old" : entry.startsWith(`.${name}.tmp-`) ? "tmp" : undefined;
    if (!kind) continue;
    const owner = ownerOfName(entry, `.${name}.${kind}-`);
    if (owner && ownerAlive(owner.pid, owner.start)) continue; // a live writer's (this process's own included)
    const full = join(parent, entry);
    if (kind === "old" && !existsSync(target) && existsSync(join(full, "bundle.json"))) renameSync(full, target);
    else rmSync(full, { recursive: true, force: true });
  }
}

/**
 * Write a bundle directory atomically: files go to a temp directory beside the target, which then
 * replaces the target by rename. A failed or killed build leaves the previous bundle in place. The
 * files are plain copies: nothing is shared with the revision in the history, so editing one can
 * never change the other. Only a tkc bundle (or nothing) is ever replaced.
 */
export function writeBundle(target: string, plan: BundlePlan): WriteOutcome {
  recover(target);
  if (sameOnDisk(target, plan.files)) return "unchanged";
  checkReplaceable(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}.tmp-${ownerTag()}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  writeFiles(temp, plan.files);
  if (existsSync(target)) {
    const old = join(parent, `.${basename(target)}.old-${ownerTag()}`);
    rmSync(old, { recursive: true, force: true });
    renameSync(target, old);
    renameSync(temp, target);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(temp, target);
  }
  return "written";
}

/**
 * Write `files` (relative names, `/`-separated) under the new, empty directory `root`: one open,
 * write and close per file, each folder made once. Plain copies from memory: nothing is linked to
 * (or cloned from) the revision, and on file systems without copy-on-write a kernel copy costs
 * more system calls than writing the bytes again.
 */
export function writeFiles(root: string, files: ReadonlyMap<string, string>): void {
  const made = new Set<string>();
  for (const [name, content] of files) {
    const file = joinInside(root, ...name.split("/"));
    if (name.includes("/")) {
      const folder = dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
    }
    writeFileSync(file, content);
  }
}

/** Size and mtime of each file of a written bundle (the warm build's stat cache, as git keeps one). */
export function statBundle(dir: string, files: Iterable<string>): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const file of files) {
    const stat = statSync(join(dir, file));
    out[file] = [stat.size, stat.mtimeMs];
  }
  return out;
}

import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { BundlePlan } from "./bundle-plan.js";

export type WriteOutcome = "written" | "unchanged";

/** True when the directory already holds exactly these files with these bytes. */
function sameOnDisk(dir: string, plan: BundlePlan): boolean {
  if (!existsSync(join(dir, "bundle.json"))) return false;
  if (readFileSync(join(dir, "bundle.json"), "utf8") !== plan.files.get("bundle.json")) return false;
  const present = readdirSync(dir).filter((name) => !name.startsWith("."));
  if (present.length !== plan.files.size) return false;
  for (const [name, content] of plan.files) {
    if (!existsSync(join(dir, name)) || readFileSync(join(dir, name), "utf8") !== content) return false;
  }
  return true;
}

/**
 * True when `target` holds exactly the files of `source` (names besides `except`), each a hard
 * link to the same file: an unchanged build can then stop after a stat per file, reading nothing.
 */
export function linkedCopyOf(target: string, source: string, except: readonly string[] = []): boolean {
  if (!existsSync(target)) return false;
  const names = readdirSync(source).filter((name) => !name.startsWith(".") && !except.includes(name));
  const present = readdirSync(target).filter((name) => !name.startsWith("."));
  if (present.length !== names.length) return false;
  return names.every((name) => {
    const file = join(target, name);
    if (!existsSync(file)) return false;
    const a = statSync(file);
    const b = statSync(join(source, name));
    return a.ino === b.ino && a.dev === b.dev;
  });
}

/** Put back a bundle a killed build had moved aside, and clear its temp directories. */
function recover(target: string): void {
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    const full = join(parent, entry);
    if (entry.startsWith(`.${name}.old-`) && !existsSync(target)) renameSync(full, target);
    else if (entry.startsWith(`.${name}.old-`) || entry.startsWith(`.${name}.tmp-`)) rmSync(full, { recursive: true, force: true });
  }
}

/**
 * Write a bundle directory atomically: files go to a temp directory beside the target, which then
 * replaces the target by rename. A failed or killed build leaves the previous bundle in place.
 */
/**
 * `linkFrom`: a directory already holding these exact files (the revision just recorded); they are
 * hard-linked instead of written again, which halves the files a build writes. Both copies are
 * immutable by convention (every write replaces files, never edits them); `tkc history --verify`
 * notices if someone edits one in place.
 */
export function writeBundle(target: string, plan: BundlePlan, linkFrom?: string): WriteOutcome {
  recover(target);
  if (sameOnDisk(target, plan)) return "unchanged";
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  for (const [name, content] of plan.files) {
    if (linkFrom) {
      try {
        linkSync(join(linkFrom, name), join(temp, name));
        continue;
      } catch {
        // another file system, or no hard links: write the bytes
      }
    }
    writeFileSync(join(temp, name), content);
  }
  if (existsSync(target)) {
    const old = join(parent, `.${basename(target)}.old-${process.pid}`);
    renameSync(target, old);
    renameSync(temp, target);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(temp, target);
  }
  return "written";
}

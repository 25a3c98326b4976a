import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { joinInside, refuseLinks } from "../release/output-path.js";

let written = 0;

/**
 * Write a file an import command generates (`tkc import crd`, `tkc import yaml --force`) under
 * `root`, never through a symbolic link: a repository may hold a planted `crds/x.ts.tmp ->
 * ~/.bashrc`, or a linked folder, and a plain write follows both out of the project. Each folder
 * on the way is checked (TKC4007), the temp file is created exclusively (a link at its name is not
 * followed) and renamed over the target (a link there is replaced, not followed). The target
 * appears whole or not at all.
 */
export function writeGeneratedFile(root: string, name: string, content: string): void {
  const file = joinInside(root, ...name.split("/"));
  refuseLinks(root, dirname(file));
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${name.split("/").pop()}.${process.pid}-${++written}.tmp`);
  try {
    writeFileSync(temp, content, { flag: "wx" });
    renameSync(temp, file);
  } catch (failure) {
    rmSync(temp, { force: true });
    throw failure;
  }
}

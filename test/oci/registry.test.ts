import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { join } from "node:path";
import { readTree } from "../support/files.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { registryUnavailable, startRegistry, type Registry } from "../support/registry.js";
import { packLayer } from "../../compiler/oci/layer.js";
import { buildArtifact } from "../../compiler/oci/manifest.js";
import { parseReference } from "../../compiler/oci/reference.js";
import { readBundleDir, parseBundleManifest } from "../../compiler/oci/bundle-files.js";
import { pullBundle } from "../../compiler/oci/pull.js";
import { pushBundle } from "../../compiler/oci/push.js";
import { bundleProvenance } from "../../compiler/oci/provenance.js";
import { anonymous, EPOCH, buildBundle, builtBundle, noStack, pullIn, pushIn, pushRaw, refusal, sha256, skopeo, tkc } from "./registry-helpers.js";

// tkc push and pull against a real CNCF Distribution registry, read back independently by skopeo.

const unavailable = registryUnavailable();
if (unavailable) console.log(`# skipping the OCI registry tests: ${unavailable}`);

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

  test("a history revision's directory pushes as the same bundle, with its own revision number", async () => {
    const revisionDir = join(bundleDir, "..", "history", "dev", "000001");
    const result = await pushBundle({ bundleDir: revisionDir, reference: parseReference(`oci://${registry.host}/acme/hello:r1`), extraTags: [], plainHttp: true, credentials: anonymous, provenance: (bundle) => bundleProvenance(revisionDir, bundle, {}, { SOURCE_DATE_EPOCH: EPOCH }) });
    assert.equal(result.digest, pushed.split("@")[1], "same layer, same annotations: revision.json stays out");
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
    const { files } = readBundleDir(bundleDir)!;
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

  // bundle.json's names are not part of its digest: an artifact may carry any text there.
  test("an artifact's own names are shown escaped in pull's summary, never obeyed by a terminal or a CI runner", async () => {
    const { files } = readBundleDir(bundleDir)!;
    const bundle = parseBundleManifest(files.get("bundle.json")!)!;
    const forged = { ...bundle, release: "::error file=ci.yaml::forged\u001b[2J", version: "1.0.0\nnext" };
    const renamed = new Map(files).set("bundle.json", Buffer.from(JSON.stringify(forged, null, 2) + "\n"));
    await pushRaw(registry.host, "acme/forged", buildArtifact(forged, packLayer(renamed), {}));
    const pulled = await tkc(["pull", `oci://${registry.host}/acme/forged:x`, "--out", join(tempDir(), "o"), "--plain-http"]);
    assert.equal(pulled.status, 0, pulled.stderr);
    assert.match(pulled.stdout, /^\\u003a:error file=ci\.yaml::forged\\u001b\[2J\/dev version 1\.0\.0\\u000anext: 3 objects/);
    assert.equal(pulled.stdout.split("\n").length, 2, "one line");
    assert.doesNotMatch(pulled.stdout, /\u001b/);
  });

  test("an artifact that is not a tkc bundle (a Flux artifact) is refused by name", async () => {
    const { files } = readBundleDir(bundleDir)!;
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

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { packLayer, sha256Digest, unpackLayer } from "../../compiler/oci/layer.js";
import { readTar, TarError, writeTar } from "../../compiler/oci/tar.js";
import { formatReference, parseReference } from "../../compiler/oci/reference.js";
import { parseChallenge, tokenFromResponse, tokenUrl } from "../../compiler/oci/auth.js";
import { lookupDockerConfig, resolveCredentials } from "../../compiler/oci/credentials.js";
import { withoutUserInfo } from "../../compiler/oci/provenance.js";
import { OciError } from "../../compiler/oci/errors.js";
import { checkBundleFiles, readBundleDir } from "../../compiler/oci/bundle-files.js";
import { repoRoot, tempDir } from "../support/cli.js";

const files = new Map<string, string>([
  ["bundle.json", '{"apiVersion":"tkc.dev/v1"}\n'],
  ["001-namespace-demo.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n"],
  ["kustomization.yaml", "resources:\n- 001-namespace-demo.yaml\n"],
]);

test("the layer is byte-identical for the same files, whatever order they come in", () => {
  const layer = packLayer(files);
  assert.deepEqual(packLayer(new Map([...files].reverse())), layer);
  // gzip header: magic, deflate, no flags (no name), mtime 0, XFL 2 (best compression), OS 255 (unknown).
  assert.equal(layer.subarray(0, 10).toString("hex"), "1f8b08000000000002ff");
  // Pinned: a change here changes the digest of every artifact tkc pushes for an unchanged bundle.
  assert.equal(sha256Digest(layer), "sha256:4cdf5f38f2ab82b5cbd4148689aa4ca430255231ecba8ac4992c1b8e28e20771");
});

test("GNU tar reads the layer: sorted entries, mode 0644, owner 0/0, mtime 0, long names intact", () => {
  const long = `001-configmap-${"x".repeat(150)}.yaml`;
  const dir = tempDir();
  const layerFile = join(dir, "layer.tar.gz");
  writeFileSync(layerFile, packLayer(new Map([...files, [long, "data: 1\n"]])));
  const listing = spawnSync("tar", ["--numeric-owner", "--utc", "-tvzf", layerFile], { encoding: "utf8" });
  assert.equal(listing.status, 0, listing.stderr);
  const lines = listing.stdout.trim().split("\n");
  assert.deepEqual(lines.map((line) => line.split(/\s+/).at(-1)), [long, "001-namespace-demo.yaml", "bundle.json", "kustomization.yaml"]);
  for (const line of lines) assert.match(line, /^-rw-r--r-- 0\/0 +\d+ 1970-01-01 00:00 /);
  const out = join(dir, "x");
  mkdirSync(out);
  assert.equal(spawnSync("tar", ["-xzf", layerFile, "-C", out]).status, 0);
  assert.equal(readFileSync(join(out, long), "utf8"), "data: 1\n");
});

test("tar round trip: what writeTar writes, readTar reads back (property)", () => {
  const name = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,180}$/);
  fc.assert(
    fc.property(fc.uniqueArray(fc.record({ path: name, data: fc.uint8Array({ maxLength: 1500 }) }), { selector: (e) => e.path, maxLength: 6 }), (entries) => {
      const back = readTar(writeTar(entries.map((e) => ({ path: e.path, data: Buffer.from(e.data) }))));
      const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      assert.deepEqual(back.map((e) => [e.path, e.data.toString("hex")]), sorted.map((e) => [e.path, Buffer.from(e.data).toString("hex")]));
    }),
    { numRuns: 60 },
  );
});

test("a hostile layer is refused: links, absolute and parent paths, duplicates, garbage", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "a.yaml"), "a: 1\n");
  const tarOf = (...args: string[]) => {
    const made = spawnSync("tar", ["-cf", "-", ...args], { cwd: join(dir, "src"), maxBuffer: 1 << 20 });
    assert.equal(made.status, 0, String(made.stderr));
    return made.stdout as Buffer;
  };
  spawnSync("ln", ["-s", "/etc/passwd", join(dir, "src", "link")]);
  assert.throws(() => readTar(tarOf("link")), (e: Error) => e instanceof TarError && /not a regular file/.test(e.message));
  assert.throws(() => readTar(tarOf("--transform", "s,^,../,", "a.yaml")), /not a safe relative path/);
  assert.throws(() => readTar(tarOf("-P", "--transform", "s,^,/tmp/,", "a.yaml")), /not a safe relative path/);
  assert.throws(() => unpackLayer(gzipSync(Buffer.concat([tarOf("a.yaml").subarray(0, 1024), tarOf("a.yaml")]))), /appears twice/);
  assert.throws(() => unpackLayer(Buffer.from("not gzip")), /not valid gzip/);
  const edited = writeTar([{ path: "a.yaml", data: Buffer.from("a: 1\n") }]);
  edited[0] = "b".charCodeAt(0);
  assert.throws(() => readTar(edited), /checksum/);
  assert.throws(() => readTar(writeTar([{ path: "a.yaml", data: Buffer.alloc(600) }]).subarray(0, 1024)), /truncated/);
});

test("references: tags, digests, ports; bad ones are TKC6101 with the reason", () => {
  const digest = "sha256:" + "a".repeat(64);
  assert.deepEqual(parseReference("oci://ghcr.io/acme/shop-prod:2.4.0"), { registry: "ghcr.io", repository: "acme/shop-prod", tag: "2.4.0" });
  assert.deepEqual(parseReference(`oci://127.0.0.1:5000/shop@${digest}`), { registry: "127.0.0.1:5000", repository: "shop", digest });
  assert.deepEqual(parseReference(`oci://localhost:5000/a/b:prod@${digest}`), { registry: "localhost:5000", repository: "a/b", tag: "prod", digest });
  assert.equal(formatReference(parseReference("oci://r.io/x:1"), { digest }), `oci://r.io/x@${digest}`);
  for (const [text, reason] of [
    ["ghcr.io/acme/shop:1", /must start with oci:\/\//],
    ["oci://ghcr.io", /a registry host and a repository/],
    ["oci://ghcr.io/Acme/shop:1", /not a valid repository name/],
    ["oci://ghcr.io/acme/shop:-x", /not a valid tag/],
    ["oci://ghcr.io/acme/shop@sha256:abc", /not a sha256 digest/],
  ] as const) {
    assert.throws(() => parseReference(text), (e: Error) => e instanceof OciError && e.code === "TKC6101" && reason.test(e.message), text);
  }
});

test("WWW-Authenticate challenges and token answers of the distribution spec", () => {
  const bearer = parseChallenge('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull"');
  assert.deepEqual(bearer, { scheme: "bearer", params: { realm: "https://auth.example.com/token", service: "registry.example.com", scope: "repository:a/b:pull" } });
  assert.equal(tokenUrl(bearer!, "repository:a/b:pull,push").toString(), "https://auth.example.com/token?service=registry.example.com&scope=repository%3Aa%2Fb%3Apull%2Cpush");
  assert.deepEqual(parseChallenge('Basic realm="Registry Realm"'), { scheme: "basic", params: { realm: "Registry Realm" } });
  assert.equal(parseChallenge("Negotiate"), null);
  assert.equal(tokenFromResponse({ token: "t1" }), "t1");
  assert.equal(tokenFromResponse({ access_token: "t2" }), "t2");
  assert.equal(tokenFromResponse({}), undefined);
});

test("credentials: Docker config.json auths by host, flags first, and what was tried", () => {
  const dir = tempDir();
  const env = { DOCKER_CONFIG: dir };
  assert.match(lookupDockerConfig("r.io", env).tried, /config\.json does not exist/);
  writeFileSync(join(dir, "config.json"), JSON.stringify({
    auths: { "https://r.io/v1/": { auth: Buffer.from("ci:pa:ss").toString("base64") }, "other.io": { username: "u", password: "p" }, "https://index.docker.io/v1/": { username: "hub", password: "h" } },
    credHelpers: { "gcr.io": "gcloud" },
  }));
  assert.deepEqual(lookupDockerConfig("r.io", env).credential, { username: "ci", password: "pa:ss", origin: `${join(dir, "config.json")} auths["https://r.io/v1/"] (user ci)` });
  assert.equal(lookupDockerConfig("other.io", env).credential?.password, "p");
  assert.equal(lookupDockerConfig("docker.io", env).credential?.username, "hub", "docker.io uses Docker Hub's login");
  assert.match(lookupDockerConfig("gcr.io", env).tried, /docker-credential-gcloud, which tkc does not run/);
  assert.equal(resolveCredentials("r.io", { username: "bot", password: "x" }, env).credential?.origin, "--username bot");
  assert.throws(() => resolveCredentials("r.io", { username: "bot" }, env), /--password-stdin/);
  writeFileSync(join(dir, "config.json"), "{");
  assert.throws(() => lookupDockerConfig("r.io", env), (e: Error) => e instanceof OciError && e.code === "TKC6111");
});

test("the source annotation never carries a CI token from the git remote", () => {
  assert.equal(withoutUserInfo("https://gitlab-ci-token:glpat-SECRET@gitlab.com/acme/shop.git"), "https://gitlab.com/acme/shop.git");
  assert.equal(withoutUserInfo("https://github.com/acme/shop"), "https://github.com/acme/shop");
  assert.equal(withoutUserInfo("git@github.com:acme/shop.git"), "git@github.com:acme/shop.git");
});

test("bundle check: the golden hello bundle is intact; an edited object, an extra resource or a stray file is not", () => {
  const { files, links } = readBundleDir(join(repoRoot, "examples/hello/expected/dev"))!;
  assert.deepEqual(links, []);
  assert.deepEqual(checkBundleFiles(files).problems, []);
  const object = [...files.keys()].find((name) => /^objects\/\d{3}-/.test(name))!;
  const edited = new Map(files).set(object, Buffer.from(files.get(object)!.toString() + "# edited\n"));
  assert.deepEqual(checkBundleFiles(edited).problems.map((p) => p.kind), ["digest"]);
  const remote = new Map(files).set("kustomization.yaml", Buffer.from(files.get("kustomization.yaml")!.toString() + "- https://example.com/evil.yaml\n"));
  assert.deepEqual(checkBundleFiles(remote).problems.map((p) => p.message), ["kustomization.yaml does not list exactly the bundle's objects"]);
  const stray = new Map(files).set("notes.txt", Buffer.from("hi"));
  assert.deepEqual(checkBundleFiles(stray).problems.map((p) => p.message), ["'notes.txt' is not part of the bundle"]);
  const missing = new Map(files);
  missing.delete(object);
  assert.deepEqual(checkBundleFiles(missing).problems.map((p) => p.message), [`${object} is missing`]);
  // A bundle of the layout before objects/ (object files beside bundle.json) still pushes and pulls.
  const flat = (text: string) => Buffer.from(text.replaceAll("objects/", ""));
  const old = new Map([...files].map(([name, bytes]) => [name.replace(/^objects\//, ""), /\.(json|yaml)$/.test(name) && !name.startsWith("objects/") ? flat(bytes.toString()) : bytes]));
  assert.deepEqual(checkBundleFiles(old).problems, []);
  const escaping = new Map(files).set("bundle.json", Buffer.from(files.get("bundle.json")!.toString().replace('"file": "objects/', '"file": "other/')));
  assert.ok(checkBundleFiles(escaping).problems.some((p) => /unsafe file 'other\//.test(p.message)));
});

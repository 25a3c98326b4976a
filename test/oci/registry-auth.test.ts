import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { readTree } from "../support/files.js";
import { tempDir } from "../support/cli.js";
import { registryUnavailable, startRegistry, type Registry } from "../support/registry.js";
import { OPENSSL_BINARY, startTokenServer, type TokenServer } from "../support/token-server.js";
import { lookupDockerConfig } from "../../compiler/oci/credentials.js";
import { builtBundle, pullIn, pushIn, refusal, tkc } from "./registry-helpers.js";

// Logging in to a real registry: Basic (htpasswd) and the Bearer token flow.

const unavailable = registryUnavailable();
if (unavailable) console.log(`# skipping the OCI registry auth tests: ${unavailable}`);

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

// Registries on object storage answer a blob GET with a redirect to the store (S3, GCS). The
// credential is the registry's: it must never reach the other host.
describe("a blob redirected to another host, as registries on object storage do", { skip: unavailable ?? false }, () => {
  let registry: Registry;
  let bundleDir: string;
  const servers: Server[] = [];
  before(async () => {
    registry = await startRegistry({ users: { ci: "right-password" } });
    bundleDir = await builtBundle();
  });
  after(async () => {
    for (const server of servers) server.close();
    await registry?.stop();
  });
  const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  const basic = `Basic ${Buffer.from("ci:right-password").toString("base64")}`;

  test("pull follows the redirect, and the other host never sees the Authorization header", async () => {
    const credentials = { credential: { username: "ci", password: "right-password", origin: "--username ci" }, tried: "--username ci" };
    const target = `oci://${registry.host}/acme/redirected:1`;
    await pushIn(bundleDir, target, credentials);
    // The "store": serves what it is asked for from the registry, and records what it was sent.
    const seen: (string | undefined)[] = [];
    const store = createServer(async (req, res) => {
      seen.push(req.headers.authorization);
      const upstream = await fetch(`http://${registry.host}${req.url}`, { headers: { authorization: basic } });
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    servers.push(store);
    const storePort = await listen(store);
    // The registry's front: blob GETs are redirected to the store, the rest passed through.
    const front = createServer(async (req, res) => {
      if (req.method === "GET" && /\/blobs\/sha256:/.test(req.url ?? "")) {
        res.writeHead(307, { location: `http://127.0.0.1:${storePort}${req.url}` });
        res.end();
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && name !== "host") headers[name] = value;
      const upstream = await fetch(`http://${registry.host}${req.url}`, { method: req.method, headers });
      const answer: Record<string, string> = {};
      upstream.headers.forEach((value, name) => (answer[name] = value));
      res.writeHead(upstream.status, answer);
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    servers.push(front);
    const frontPort = await listen(front);
    const out = join(tempDir(), "dev");
    await pullIn(`oci://127.0.0.1:${frontPort}/acme/redirected:1`, out, credentials);
    assert.deepEqual(readTree(out), readTree(bundleDir));
    assert.ok(seen.length >= 2, `the config and the layer came from the store (${seen.length} requests)`);
    assert.deepEqual(seen.filter((header) => header !== undefined), [], "no credential reached the store");
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

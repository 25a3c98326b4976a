import { spawnSync } from "node:child_process";
import { createPrivateKey, createSign, X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { tempDir } from "./cli.js";

// The token server of the distribution spec's Bearer flow: the role docker_auth, GitLab or a cloud
// IAM plays in front of a registry. It checks a Basic credential and signs a JWT granting the
// requested repository actions; the real registry verifies the signature against the certificate
// in its `auth.token.rootcertbundle`.

export const OPENSSL_BINARY = "/usr/bin/openssl";

export interface TokenServer {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  readonly certificate: string;
  /** The scopes asked for, in order, with the user that asked (or "anonymous"). */
  readonly requests: string[];
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** `readOnly` users get their tokens without push, as a read-only deploy token would. */
export async function startTokenServer(users: Record<string, string>, readOnly: readonly string[] = []): Promise<TokenServer> {
  if (!existsSync(OPENSSL_BINARY)) throw new Error(`${OPENSSL_BINARY} is missing`);
  const dir = tempDir("tkc-token-");
  const key = join(dir, "key.pem");
  const certificate = join(dir, "cert.pem");
  const made = spawnSync(OPENSSL_BINARY, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=tkc-test-token-issuer"], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  const privateKey = createPrivateKey(readFileSync(key));
  const der = new X509Certificate(readFileSync(certificate)).raw;
  const service = "tkc-test-registry";
  const issuer = "tkc-test-issuer";
  const requests: string[] = [];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const [user, password] = basic ? Buffer.from(basic, "base64").toString("utf8").split(/:(.*)/s) : [];
    const scope = url.searchParams.get("scope") ?? "";
    requests.push(`${user ?? "anonymous"} ${scope}`);
    if (!user || users[user] !== password) {
      response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "bad credentials" }] }));
      return;
    }
    const access = scope
      .split(" ")
      .filter(Boolean)
      .map((item) => {
        const [type, name, actions] = item.split(":");
        return { type, name, actions: (actions ?? "").split(",").filter((action) => action && !(action === "push" && readOnly.includes(user))) };
      });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: "JWT", alg: "RS256", x5c: [der.toString("base64")] };
    const claims = { iss: issuer, sub: user, aud: url.searchParams.get("service"), exp: now + 300, nbf: now - 10, iat: now, jti: String(requests.length), access };
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    const signature = createSign("RSA-SHA256").update(input).sign(privateKey);
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token: `${input}.${base64url(signature)}`, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certificate,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

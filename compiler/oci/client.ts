import { basicAuthorization, parseChallenge, tokenFromResponse, tokenUrl, type Challenge } from "./auth.js";
import type { CredentialLookup } from "./credentials.js";
import { OCI, OciError } from "./errors.js";
import { sha256Digest } from "./layer.js";
import type { Descriptor } from "./manifest.js";
import { apiHost, formatReference, type OciReference } from "./reference.js";

/**
 * A small client for the OCI distribution API over Node's fetch: ping, blob HEAD / upload /
 * download, manifest PUT / GET, with the Basic and Bearer flows and bounded retries. Every failure
 * is an OciError naming what was tried.
 */
export interface ClientOptions {
  readonly reference: OciReference;
  readonly plainHttp: boolean;
  readonly credentials: CredentialLookup;
  /** Retries on 429, 5xx and dropped connections: attempts in all, backoff doubling up to maxDelayMs. */
  readonly retry?: { readonly attempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number };
  readonly log?: (line: string) => void;
}

type Scope = "pull" | "pull,push";
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MANIFEST_ACCEPT = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
].join(", ");

interface Request {
  readonly method: "GET" | "HEAD" | "POST" | "PUT";
  /** A path under the registry (`/v2/...`) or an absolute URL (an upload Location). */
  readonly target: string;
  readonly scope: Scope;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
  /** What the request is, for error messages: "the manifest oci://...:tag". */
  readonly what: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function causeCode(failure: unknown): string {
  const cause = (failure as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? (failure as { code?: string })?.code ?? "";
}

/** The distribution spec's error body, `{"errors":[{"code","message"}]}`, as one line. */
async function registryMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const errors = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors;
    if (Array.isArray(errors) && errors.length) return errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}

export class RegistryClient {
  private readonly base: string;
  private readonly name: string;
  private readonly authorization = new Map<Scope, string>();
  private challenge: Challenge | null = null;

  constructor(private readonly options: ClientOptions) {
    this.base = `${options.plainHttp ? "http" : "https"}://${apiHost(options.reference.registry)}`;
    this.name = options.reference.repository;
  }

  private get tried(): string {
    return this.options.credentials.credential?.origin ?? this.options.credentials.tried;
  }

  /** GET /v2/: every OCI registry answers 200, or 401 with a challenge. */
  async ping(): Promise<void> {
    const response = await this.send({ method: "GET", target: "/v2/", scope: "pull", what: formatReference(this.options.reference) }, true);
    if (response.status === 200) return;
    if (response.status === 429 || response.status >= 500) throw await this.failure(response, `reaching ${formatReference(this.options.reference)}`);
    const detail = await registryMessage(response);
    const httpsHint = this.options.plainHttp && response.status === 400 ? "; if the registry speaks TLS, drop --plain-http" : "";
    throw new OciError(OCI.notOci, `${this.base}/v2/ answered ${response.status}${detail ? ` (${detail})` : ""}: this is not an OCI registry`, `check the host and port${httpsHint}; tkc talks the OCI distribution API (/v2/)`);
  }

  async hasBlob(digest: string): Promise<boolean> {
    const response = await this.send({ method: "HEAD", target: `/v2/${this.name}/blobs/${digest}`, scope: "pull,push", what: `the blob ${digest}` });
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw await this.failure(response, `checking the blob ${digest}`);
  }

  /** Monolithic upload: POST a session, PUT the bytes with ?digest=. Skipped when the registry has the blob. */
  async pushBlob(descriptor: Descriptor, bytes: Buffer): Promise<"pushed" | "exists"> {
    if (await this.hasBlob(descriptor.digest)) return "exists";
    const start = await this.send({ method: "POST", target: `/v2/${this.name}/blobs/uploads/`, scope: "pull,push", what: "a blob upload", headers: { "content-length": "0" } });
    if (start.status !== 202) throw await this.failure(start, "starting a blob upload");
    await start.arrayBuffer().catch(() => undefined);
    const location = start.headers.get("location");
    if (!location) throw new OciError(OCI.notOci, `${this.base} started an upload without a Location header`, "the registry does not follow the OCI distribution spec");
    const url = new URL(location, this.base);
    url.searchParams.set("digest", descriptor.digest);
    const put = await this.send({
      method: "PUT",
      target: url.toString(),
      scope: "pull,push",
      what: `the blob ${descriptor.digest}`,
      headers: { "content-type": "application/octet-stream", "content-length": String(bytes.length) },
      body: bytes,
    });
    if (put.status !== 201) throw await this.failure(put, `uploading the blob ${descriptor.digest}`);
    await put.arrayBuffer().catch(() => undefined);
    return "pushed";
  }

  /** PUT the manifest under a tag; returns the digest the registry reports (checked by the caller). */
  async putManifest(tag: string, bytes: Buffer, mediaType: string): Promise<string | null> {
    const response = await this.send({
      method: "PUT",
      target: `/v2/${this.name}/manifests/${tag}`,
      scope: "pull,push",
      what: `the manifest ${formatReference(this.options.reference, { tag })}`,
      headers: { "content-type": mediaType, "content-length": String(bytes.length) },
      body: bytes,
    });
    if (response.status !== 201 && response.status !== 200) throw await this.failure(response, `pushing the manifest ${formatReference(this.options.reference, { tag })}`);
    await response.arrayBuffer().catch(() => undefined);
    return response.headers.get("docker-content-digest");
  }

  /** The manifest's bytes, verified against the digest asked for or the one the registry reports. */
  async getManifest(pointer: string): Promise<{ bytes: Buffer; digest: string; mediaType: string }> {
    const shown = formatReference(this.options.reference, pointer.startsWith("sha256:") ? { digest: pointer } : { tag: pointer });
    const response = await this.send({ method: "GET", target: `/v2/${this.name}/manifests/${pointer}`, scope: "pull", what: `the manifest ${shown}`, headers: { accept: MANIFEST_ACCEPT } });
    if (response.status !== 200) throw await this.failure(response, `reading ${shown}`);
    const bytes = await this.readBody(response, MAX_MANIFEST_BYTES, shown);
    const digest = sha256Digest(bytes);
    const expected = pointer.startsWith("sha256:") ? pointer : response.headers.get("docker-content-digest");
    if (expected && expected !== digest) {
      throw new OciError(OCI.digestMismatch, `the manifest of ${shown} has digest ${digest}, but ${pointer.startsWith("sha256:") ? "the reference asks for" : "the registry says"} ${expected}`, "the registry or something between it and you altered the manifest; nothing was written");
    }
    return { bytes, digest, mediaType: (response.headers.get("content-type") ?? "").split(";")[0]!.trim() };
  }

  /** A blob's bytes, verified against its descriptor's size and digest before anyone reads them. */
  async getBlob(descriptor: Descriptor, maxBytes: number): Promise<Buffer> {
    const response = await this.send({ method: "GET", target: `/v2/${this.name}/blobs/${descriptor.digest}`, scope: "pull", what: `the blob ${descriptor.digest}` });
    if (response.status !== 200) throw await this.failure(response, `reading the blob ${descriptor.digest}`);
    const bytes = await this.readBody(response, Math.min(maxBytes, descriptor.size), `the blob ${descriptor.digest}`);
    const digest = sha256Digest(bytes);
    if (digest !== descriptor.digest || bytes.length !== descriptor.size) {
      throw new OciError(OCI.digestMismatch, `the blob ${descriptor.digest} (${descriptor.mediaType}) arrived with digest ${digest} and ${bytes.length} bytes (expected ${descriptor.size})`, "the registry's copy is corrupt or was tampered with; nothing was written");
    }
    return bytes;
  }

  private async readBody(response: Response, maxBytes: number, what: string): Promise<Buffer> {
    const declared = Number(response.headers.get("content-length") ?? "NaN");
    if (declared > maxBytes) throw new OciError(OCI.digestMismatch, `${what} is ${declared} bytes, more than the ${maxBytes} expected`, "the registry's copy is not the artifact that was pushed; nothing was written");
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      // One byte over the expected size is enough to know the digest cannot match.
      if (total > maxBytes + 1) {
        await response.body?.cancel().catch(() => undefined);
        break;
      }
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }

  private async failure(response: Response, doing: string): Promise<OciError> {
    const detail = await registryMessage(response);
    const suffix = detail ? ` (${detail})` : "";
    const where = formatReference(this.options.reference);
    if (response.status === 401) return this.unauthorized(`${doing}: the registry answered 401${suffix}`);
    if (response.status === 403) return new OciError(OCI.forbidden, `${doing}: access to ${where} denied (403)${suffix}; credential tried: ${this.tried}`, "the credential is valid but lacks permission on this repository: grant it push (or pull) access");
    if (response.status === 404) return new OciError(OCI.notFound, `${doing}: not found (404)${suffix}`, "check the repository name and the tag or digest; `skopeo list-tags` shows what exists");
    return new OciError(OCI.registryError, `${doing}: the registry answered ${response.status}${suffix}`, "see the registry's message above; a 5xx that persisted through the retries is the registry's problem");
  }

  private unauthorized(message: string): OciError {
    return new OciError(OCI.unauthorized, `${message}; credential tried: ${this.tried}`, "log in with `docker login HOST` (tkc reads its config.json, or $DOCKER_CONFIG/config.json), or pass --username with --password-stdin");
  }

  /** One request with authentication and retries. `probe` returns a 401/404 instead of failing (for ping). */
  private async send(request: Request, probe = false): Promise<Response> {
    let response = await this.withRetries(request);
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get("www-authenticate"));
    await response.arrayBuffer().catch(() => undefined);
    if (!challenge) {
      if (probe) return response;
      throw this.unauthorized(`${request.what}: the registry answered 401 without a Basic or Bearer challenge`);
    }
    if (this.authorization.has(request.scope)) throw this.refused(request, challenge);
    this.challenge = challenge;
    await this.authorize(request.scope, request.what);
    response = await this.withRetries(request);
    if (response.status === 401) {
      await response.arrayBuffer().catch(() => undefined);
      throw this.refused(request, parseChallenge(response.headers.get("www-authenticate")));
    }
    return response;
  }

  /** A 401 after logging in: a token without the actions asked for is a permission problem, like a 403. */
  private refused(request: Request, challenge: Challenge | null): OciError {
    if (challenge?.params.error === "insufficient_scope") {
      return new OciError(OCI.forbidden, `${request.what}: the registry's token does not grant ${request.scope} on ${this.name} (insufficient_scope); credential tried: ${this.tried}`, "the credential is valid but lacks permission on this repository: grant it push (or pull) access");
    }
    return this.unauthorized(`${request.what}: the registry refused the credential (401)`);
  }

  private async authorize(scope: Scope, what: string): Promise<void> {
    const challenge = this.challenge!;
    const credential = this.options.credentials.credential;
    if (challenge.scheme === "basic") {
      if (!credential) throw this.unauthorized(`${what}: the registry requires a login (401)`);
      // Basic credentials do not depend on the scope.
      const basic = basicAuthorization(credential.username, credential.password);
      this.authorization.set("pull", basic).set("pull,push", basic);
      return;
    }
    if (!challenge.params.realm) throw new OciError(OCI.notOci, `${what}: the registry's Bearer challenge names no realm`, "the registry does not follow the distribution spec's token flow");
    const url = tokenUrl(challenge, `repository:${this.name}:${scope}`);
    const headers: Record<string, string> = { accept: "application/json" };
    if (credential) headers.authorization = basicAuthorization(credential.username, credential.password);
    const response = await this.withRetries({ method: "GET", target: url.toString(), scope, what: `a token from ${url.origin}`, headers }, false);
    if (response.status === 401 || response.status === 403) {
      await response.arrayBuffer().catch(() => undefined);
      throw this.unauthorized(`${what}: the token server ${url.origin}${url.pathname} refused the credential (${response.status})`);
    }
    if (response.status !== 200) throw await this.failure(response, `getting a token from ${url.origin}`);
    const token = tokenFromResponse(await response.json().catch(() => null));
    if (!token) throw new OciError(OCI.notOci, `the token server ${url.origin}${url.pathname} answered without a token`, "the registry does not follow the distribution spec's token flow");
    this.authorization.set(scope, `Bearer ${token}`);
    // A push token also serves pulls in the same session.
    if (scope === "pull,push" && !this.authorization.has("pull")) this.authorization.set("pull", `Bearer ${token}`);
  }

  private async withRetries(request: Request, authenticated = true): Promise<Response> {
    const retry = this.options.retry ?? { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };
    const url = request.target.startsWith("/") ? this.base + request.target : request.target;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { "user-agent": "tkc", ...request.headers };
      const authorization = authenticated ? this.authorization.get(request.scope) : undefined;
      if (authorization && !headers.authorization) headers.authorization = authorization;
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await fetch(url, { method: request.method, headers, body: request.body, redirect: "follow", signal: AbortSignal.timeout(120_000) });
      } catch (caught) {
        failure = caught;
      }
      const retriable = response ? RETRY_STATUS.has(response.status) : RETRY_CODES.has(causeCode(failure));
      if (retriable && attempt < retry.attempts) {
        const after = Number(response?.headers.get("retry-after"));
        const delay = Math.min(retry.maxDelayMs, Number.isFinite(after) && after > 0 ? after * 1000 : retry.baseDelayMs * 2 ** (attempt - 1));
        await response?.arrayBuffer().catch(() => undefined);
        this.options.log?.(`tkc: ${request.what}: ${response ? `registry answered ${response.status}` : causeCode(failure)}, retrying in ${delay} ms (attempt ${attempt + 1} of ${retry.attempts})`);
        await sleep(delay);
        continue;
      }
      if (response) return response;
      throw this.unreachable(url, failure);
    }
  }

  private unreachable(url: string, failure: unknown): OciError {
    const code = causeCode(failure);
    const cause = (failure as { cause?: { message?: string } })?.cause?.message ?? (failure as Error)?.message ?? String(failure);
    const host = new URL(url).host;
    const tls = /SSL|TLS|CERT|EPROTO/i.test(code + cause);
    // OpenSSL's messages are a line of internals: the code says enough.
    const timedOut = (failure as Error)?.name === "TimeoutError";
    // Node's fetch never connects to the ports the fetch standard blocks (6000, 6666, 10080, ...):
    // undici says only "bad port".
    const blockedPort = cause === "bad port";
    const reason = timedOut ? "no answer within 120 s" : tls ? `TLS handshake failed (${code || "TLS error"})` : blockedPort ? `Node's fetch refuses port ${new URL(url).port}, one of the ports the fetch standard blocks` : [code, cause.split("\n")[0]!.replace(code, "").replace(/\s+/g, " ").trim()].filter(Boolean).join(" ");
    const hint = tls && !this.options.plainHttp
      ? "the registry may not speak TLS: for a local or in-cluster registry without TLS pass --plain-http"
      : blockedPort
        ? "serve the registry on another port (5000 is the usual one), or put a proxy on one before it"
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? "check the registry host name"
          : "check the host and port, and that the registry is running and reachable from here";
    return new OciError(OCI.unreachable, `cannot reach ${host} (${url.split("?")[0]}): ${reason}`, hint);
  }
}

// The two authentication flows of the distribution spec, driven by a 401's WWW-Authenticate:
//   Basic realm="..."                                 -> send the credential on every request
//   Bearer realm="https://auth/token",service=...,scope=...  -> trade it for a token at the realm

export interface Challenge {
  readonly scheme: "basic" | "bearer";
  readonly params: Readonly<Record<string, string>>;
}

/** The first Basic or Bearer challenge of a WWW-Authenticate header, if any. */
export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const match = /^\s*(Basic|Bearer)\b\s*(.*)$/i.exec(header);
  if (!match) return null;
  const params: Record<string, string> = {};
  for (const pair of match[2]!.matchAll(/([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[pair[1]!.toLowerCase()] = pair[2] !== undefined ? pair[2].replace(/\\(.)/g, "$1") : pair[3]!;
  }
  return { scheme: match[1]!.toLowerCase() as Challenge["scheme"], params };
}

export function basicAuthorization(username: string, password: string): string {
  return "Basic " + Buffer.from(`${username}:${password}`, "utf8").toString("base64");
}

/** The token endpoint's URL for a scope such as `repository:acme/shop:pull,push`. */
export function tokenUrl(challenge: Challenge, scope: string): URL {
  const url = new URL(challenge.params.realm!);
  if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
  url.searchParams.set("scope", scope);
  return url;
}

/** Token servers answer `token` (Docker) or `access_token` (OAuth 2). */
export function tokenFromResponse(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const { token, access_token: accessToken } = body as { token?: unknown; access_token?: unknown };
  return typeof token === "string" && token ? token : typeof accessToken === "string" && accessToken ? accessToken : undefined;
}

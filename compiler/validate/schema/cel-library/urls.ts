/**
 * Kubernetes' URL library (library/urls.go): `isURL()` and `url()` accept what Go's
 * url.ParseRequestURI accepts (an absolute URI or an absolute path), and the getters read the
 * parts url.Parse gives. Where Go's parser has corners of its own (a bracketed host that is not
 * a plain IPv6 address, escapes in a host, a "#" before the path, "*", ...) tkc does not guess:
 * the rule is skipped.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { parseIP } from "./ip-address.js";
import { fail, isValid, undecided } from "./values.js";

export class URL {
  constructor(
    readonly scheme: string,
    readonly host: string,
    /** The path as written, before any query or fragment. */
    readonly path: string,
    readonly rawQuery: string,
  ) {}
}

export function registerURLs(environment: Environment): void {
  environment
    .registerType("kubernetes.URL", URL)
    .registerFunction("url(string): kubernetes.URL", parseURL)
    .registerFunction("isURL(string): bool", (text: string) => isValid(() => checkRequestURI(text)))
    .registerFunction("kubernetes.URL.getScheme(): string", (u: URL) => u.scheme)
    .registerFunction("kubernetes.URL.getHost(): string", (u: URL) => u.host)
    .registerFunction("kubernetes.URL.getHostname(): string", (u: URL) => splitHostPort(u.host).hostname)
    .registerFunction("kubernetes.URL.getPort(): string", (u: URL) => splitHostPort(u.host).port)
    .registerFunction("kubernetes.URL.getEscapedPath(): string", (u: URL) => escapedPath(u.path))
    .registerFunction("kubernetes.URL.getQuery(): map<string, list<string>>", (u: URL) => parseQuery(u.rawQuery));
}

interface Parts {
  readonly scheme: string;
  readonly authority: string | undefined;
  readonly path: string;
  readonly rawQuery: string;
}

/** ParseRequestURI's verdict: the parts, or the error it raises. */
function checkRequestURI(text: string): Parts {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(text)) fail("net/url: invalid control character in URL");
  if (text === "") fail("empty url");
  if (text === "*") undecided("the request URI *");
  const { scheme, rest } = splitScheme(text);
  const [beforeQuery, rawQuery] = cutQuery(rest);
  if (!beforeQuery.startsWith("/")) {
    if (scheme === "") fail("invalid URI for request");
    // An opaque URI (mailto:x): its getters read its fragment apart, which is not guessed at.
    return { scheme, authority: undefined, path: "", rawQuery };
  }
  if (scheme !== "" && beforeQuery.startsWith("//")) {
    const { authority, path } = splitAuthority(beforeQuery);
    // ParseRequestURI keeps a "#" in the host, which Go's later releases may read otherwise.
    if (authority.includes("#")) undecided("a # in a URL's authority");
    checkAuthority(authority);
    checkEscapes(path);
    return { scheme, authority, path, rawQuery };
  }
  checkEscapes(beforeQuery);
  return { scheme, authority: undefined, path: beforeQuery, rawQuery };
}

/** url(): ParseRequestURI must accept the text; the parts are then url.Parse's, which reads a #fragment apart. */
function parseURL(text: string): URL {
  const checked = checkRequestURI(text);
  if (checked.authority === undefined && checked.path === "") undecided("an opaque URL's parts");
  // Without a scheme, url.Parse reads "//host/path" as a host where ParseRequestURI read a path.
  if (checked.scheme === "" && text.startsWith("//")) undecided("a scheme-relative URL");
  const hash = text.indexOf("#");
  if (hash >= 0) checkEscapes(text.slice(hash + 1));
  const { scheme, rest } = splitScheme(hash < 0 ? text : text.slice(0, hash));
  const [beforeQuery, rawQuery] = cutQuery(rest);
  if (scheme !== "" && beforeQuery.startsWith("//")) {
    const { authority, path } = splitAuthority(beforeQuery);
    checkAuthority(authority);
    return new URL(scheme, authority.slice(authority.lastIndexOf("@") + 1), path, rawQuery);
  }
  return new URL(scheme, "", beforeQuery, rawQuery);
}

/** `//authority/path` as its authority and its path (which starts with "/", or is empty). */
function splitAuthority(beforeQuery: string): { readonly authority: string; readonly path: string } {
  const slash = beforeQuery.indexOf("/", 2);
  return slash < 0 ? { authority: beforeQuery.slice(2), path: "" } : { authority: beforeQuery.slice(2, slash), path: beforeQuery.slice(slash) };
}

/** Go's getScheme: letters first, then letters, digits, + - and .; a ":" first is an error; anything else means no scheme. */
function splitScheme(text: string): { scheme: string; rest: string } {
  if (text.startsWith(":")) fail("missing protocol scheme");
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  return m ? { scheme: m[1]!.toLowerCase(), rest: text.slice(m[0].length) } : { scheme: "", rest: text };
}

/** The text before the first "?" and the query after it (a lone trailing "?" is an empty query). */
function cutQuery(rest: string): [string, string] {
  const q = rest.indexOf("?");
  return q < 0 ? [rest, ""] : [rest.slice(0, q), rest.slice(q + 1)];
}

function checkAuthority(authority: string): void {
  const at = authority.lastIndexOf("@");
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) fail("net/url: invalid userinfo");
    checkEscapes(userinfo);
  }
  checkHost(authority.slice(at + 1));
}

function checkHost(host: string): void {
  if (host.startsWith("[")) {
    const close = host.lastIndexOf("]");
    if (close < 0) fail("missing ']' in host");
    if (!/^(:[0-9]*)?$/.test(host.slice(close + 1))) fail("invalid port after host");
    // A zone, or something other than an IPv6 address in brackets: Go's releases differ.
    if (!isIPv6Literal(host.slice(1, close))) undecided("a bracketed host that is not a plain IPv6 address");
    return;
  }
  const colon = host.lastIndexOf(":");
  if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) fail("invalid port after host");
  const name = colon < 0 ? host : host.slice(0, colon);
  if (/[:[\]%]/.test(name)) undecided("a host with colons, brackets or escapes");
  // The characters Go's url package takes in a host name; any other ASCII is an error, non-ASCII is kept.
  for (const c of name) if (c < "\x80" && !/[A-Za-z0-9\-._~!$&'()*+,;=<>"]/.test(c)) fail(`invalid character ${JSON.stringify(c)} in host name`);
}

function isIPv6Literal(text: string): boolean {
  return /^[0-9A-Fa-f:.]+$/.test(text) && text.includes(":") && isValidIPv6(text);
}

// Checked with the IP library's parser, which also refuses zones and IPv4-mapped forms; those are only undecided here.
function isValidIPv6(text: string): boolean {
  try {
    return parseIP(text).family === 6;
  } catch {
    return false;
  }
}

/** Every % must start an escape of two hex digits. */
function checkEscapes(text: string): void {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) fail("invalid URL escape");
}

function splitHostPort(host: string): { hostname: string; port: string } {
  const colon = host.lastIndexOf(":");
  const hasPort = colon >= 0 && /^:[0-9]*$/.test(host.slice(colon));
  const hostname = hasPort ? host.slice(0, colon) : host;
  return { hostname: hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname, port: hasPort ? host.slice(colon + 1) : "" };
}

// Characters Go leaves as they are in an escaped path; the other bytes are written %XX.
const PATH_KEEPS = /[A-Za-z0-9\-_.~$&+,/:;=@]/;
// A path written only with these is its own escaped form (Go's validEncoded).
const VALID_ENCODED = /^[A-Za-z0-9\-_.~$&+,/:;=@!'()*[\]%]*$/;

/** Go's EscapedPath: the path as written when that is a valid escaping, else the path unescaped and escaped again. */
function escapedPath(path: string): string {
  if (VALID_ENCODED.test(path)) return path;
  let out = "";
  for (const byte of unescapeBytes(path, false)) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && PATH_KEEPS.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function unescapeBytes(text: string, plusIsSpace: boolean): number[] {
  const bytes: number[] = [];
  const encoded = new TextEncoder().encode(text);
  for (let i = 0; i < encoded.length; i++) {
    const b = encoded[i]!;
    if (b === 0x25) {
      const hex = String.fromCharCode(encoded[i + 1] ?? 0, encoded[i + 2] ?? 0);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail("invalid URL escape");
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(plusIsSpace && b === 0x2b ? 0x20 : b);
  }
  return bytes;
}

/** Go's url.ParseQuery, whose errors drop just the pair they are in (a ";", a bad escape). */
function parseQuery(rawQuery: string): Map<string, string[]> {
  const query = new Map<string, string[]>();
  const decode = (text: string): string | undefined => {
    let bytes: number[];
    try {
      bytes = unescapeBytes(text, true);
    } catch {
      return undefined;
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      return undecided("a query that is not UTF-8 once unescaped");
    }
  };
  for (const pair of rawQuery.split("&")) {
    if (pair === "" || pair.includes(";")) continue;
    const eq = pair.indexOf("=");
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1));
    if (key === undefined || value === undefined) continue;
    query.set(key, [...(query.get(key) ?? []), value]);
  }
  return query;
}

import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { OCI, OciError } from "./errors.js";
import { sameRegistry } from "./reference.js";
import { withoutBom } from "../load/without-bom.js";

/** A username and password, and where they came from (named in authentication errors). */
export interface Credential {
  readonly username: string;
  readonly password: string;
  /** e.g. `--username ci`, or `~/.docker/config.json auths["ghcr.io"] (user ci)`. */
  readonly origin: string;
}

/** What was looked up for a registry: a credential, or why there is none (for the 401 message). */
export interface CredentialLookup {
  readonly credential?: Credential;
  readonly tried: string;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG || join(homedir(), ".docker"), "config.json");
}

// config.json keys are written as `host`, `https://host`, `https://host/v1/` (Docker Hub) ...
function hostOfKey(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "").toLowerCase();
}

interface DockerAuth {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

/** Credentials for a registry host from Docker's config.json (`docker login` writes it). */
export function lookupDockerConfig(registry: string, env: NodeJS.ProcessEnv = process.env): CredentialLookup {
  const path = dockerConfigPath(env);
  if (!existsSync(path)) return { tried: `no credentials (${path} does not exist)` };
  let config: { auths?: Record<string, DockerAuth>; credsStore?: string; credHelpers?: Record<string, string> };
  try {
    config = JSON.parse(withoutBom(readFileSync(path, "utf8")));
  } catch (failure) {
    throw new OciError(OCI.badCredentials, `${path} is not valid JSON (${(failure as Error).message})`, "fix the file, or point DOCKER_CONFIG at a directory with a valid config.json");
  }
  const host = registry.toLowerCase();
  const key = Object.keys(config.auths ?? {}).find((k) => sameRegistry(hostOfKey(k), host));
  const where = `${path} auths["${key}"]`;
  if (key) {
    const entry = config.auths![key]!;
    let username = entry.username;
    let password = entry.password;
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) throw new OciError(OCI.badCredentials, `${where}.auth is not base64 of user:password`, "run `docker login` again, or fix the entry");
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
    if (username !== undefined && password !== undefined) return { credential: { username, password, origin: `${where} (user ${username})` }, tried: `${where} (user ${username})` };
    if (entry.identitytoken) return { tried: `${where} holds only an identity token, which tkc does not use` };
  }
  const helper = config.credHelpers?.[host] ?? config.credsStore;
  if (helper) return { tried: `no credentials in ${path} auths for ${registry} (it names the credential helper docker-credential-${helper}, which tkc does not run)` };
  return { tried: `no credentials for ${registry} in ${path}` };
}

/** --username and --password-stdin win over config.json. */
export function resolveCredentials(registry: string, flags: { username?: string; password?: string }, env: NodeJS.ProcessEnv = process.env): CredentialLookup {
  if (flags.username !== undefined) {
    if (flags.password === undefined) throw new OciError(OCI.badCredentials, "--username needs a password: pass it on standard input with --password-stdin", "echo \"$TOKEN\" | tkc push ... --username ci --password-stdin");
    return { credential: { username: flags.username, password: flags.password, origin: `--username ${flags.username}` }, tried: `--username ${flags.username}` };
  }
  if (flags.password !== undefined) throw new OciError(OCI.badCredentials, "--password-stdin needs --username", "pass --username with --password-stdin");
  return lookupDockerConfig(registry, env);
}

/** The password as a CI pipe gives it: all of standard input, without the final newline. */
export async function readPasswordStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (password === "") throw new OciError(OCI.badCredentials, "--password-stdin read an empty password", "pipe the password or token in: echo \"$TOKEN\" | tkc push ... --password-stdin");
  return password;
}

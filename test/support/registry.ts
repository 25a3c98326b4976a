import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";
import { tempDir } from "./cli.js";

// A real CNCF Distribution registry (Debian's docker-registry), started per test file on a free
// loopback port with its own storage, and stopped afterwards. `.ci/run` installs it.

export const REGISTRY_BINARY = "/usr/bin/docker-registry";
export const SKOPEO_BINARY = "/usr/bin/skopeo";
export const HTPASSWD_BINARY = "/usr/bin/htpasswd";

/** Why the registry tests cannot run here, or null when they can. */
export function registryUnavailable(): string | null {
  const missing = [REGISTRY_BINARY, SKOPEO_BINARY, HTPASSWD_BINARY].filter((binary) => !existsSync(binary));
  return missing.length ? `needs ${missing.join(", ")} (apt-get install docker-registry skopeo apache2-utils; .ci/run installs them)` : null;
}

export interface Registry {
  readonly host: string;
  readonly storage: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Wait until this registry answers. The port was free when picked, but another process (another
 * test file's registry, another suite on the machine) may bind it before the registry does: then
 * the registry exits ("address already in use"), and whatever answers there is not ours. Each
 * registry sends a header with its own id, so only its own answer counts.
 */
async function waitUntilUp(host: string, id: string, child: ChildProcess, log: () => string): Promise<"up" | "port taken"> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (/address already in use/.test(log())) return "port taken";
      throw new Error(`docker-registry exited with ${child.exitCode ?? child.signalCode}:\n${log()}`);
    }
    try {
      const response = await fetch(`http://${host}/v2/`);
      await response.arrayBuffer();
      if ((response.status === 200 || response.status === 401) && response.headers.get(ID_HEADER) === id) return "up";
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not answer on ${host} within 15 s:\n${log()}`);
}

const ID_HEADER = "x-tkc-test-registry";

/** The Bearer flow: tokens from this realm, signed by the key of this certificate. */
export interface TokenAuth {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  readonly certificate: string;
}

/** Start a registry; with `users`, it requires basic auth from an htpasswd file (bcrypt); with `token`, bearer tokens. */
export async function startRegistry(options: { users?: Record<string, string>; token?: TokenAuth } = {}): Promise<Registry> {
  const dir = tempDir("tkc-registry-");
  const storage = join(dir, "storage");
  mkdirSync(storage);
  const auth: string[] = [];
  if (options.users) {
    const htpasswd = join(dir, "htpasswd");
    const entries = Object.entries(options.users).map(([user, password]) => {
      const made = spawnSync(HTPASSWD_BINARY, ["-Bbn", user, password], { encoding: "utf8" });
      if (made.status !== 0) throw new Error(`htpasswd failed: ${made.stderr}`);
      return made.stdout.trim();
    });
    writeFileSync(htpasswd, entries.join("\n") + "\n");
    auth.push("auth:", "  htpasswd:", "    realm: tkc-test", `    path: ${htpasswd}`);
  }
  if (options.token) {
    const { realm, service, issuer, certificate } = options.token;
    auth.push("auth:", "  token:", `    realm: ${realm}`, `    service: ${service}`, `    issuer: ${issuer}`, `    rootcertbundle: ${certificate}`);
  }
  for (let attempt = 1; ; attempt++) {
    const started = await serveOnFreePort(dir, storage, auth);
    if (started) return started;
    if (attempt === 5) throw new Error("docker-registry: five free ports in a row were taken before it could bind them");
  }
}

/** One attempt: the registry on a port that was free a moment ago, or undefined if it was taken since. */
async function serveOnFreePort(dir: string, storage: string, auth: readonly string[]): Promise<Registry | undefined> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const id = randomUUID();
  const lines = [
    "version: 0.1",
    "log:",
    "  level: error",
    "  accesslog:",
    "    disabled: true",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${storage}`,
    "  delete:",
    "    enabled: true",
    "http:",
    `  addr: ${host}`,
    "  headers:",
    `    ${ID_HEADER}: [${id}]`,
    ...auth,
  ];
  const config = join(dir, "config.yml");
  writeFileSync(config, lines.join("\n") + "\n");
  const child = spawn(REGISTRY_BINARY, ["serve", config], { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
  // A test run that dies must not leave a registry behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  let state: "up" | "port taken";
  try {
    state = await waitUntilUp(host, id, child, () => output);
  } catch (failure) {
    process.off("exit", killOnExit);
    child.kill("SIGKILL");
    throw failure;
  }
  if (state === "port taken") {
    process.off("exit", killOnExit);
    return undefined;
  }
  return {
    host,
    storage,
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 3000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

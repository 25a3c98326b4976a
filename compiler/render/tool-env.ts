import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Helm and kubectl run with a minimal environment: PATH, and a HOME (with Helm's and kubectl's
 * folders) in a fresh temporary directory, so no CI secret, kubeconfig or registry login of the
 * build's environment reaches them, and no network. `run` gets the environment; the directory is
 * removed after.
 */
/** Port 9 (discard) on loopback: nothing listens, so every proxied request fails at once. */
const NO_NETWORK = "http://127.0.0.1:9";

export function withToolEnv<T>(run: (env: NodeJS.ProcessEnv, home: string) => T): T {
  const home = mkdtempSync(join(tmpdir(), "tkc-tool-"));
  try {
    return run(
      {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        TZ: "UTC",
        LC_ALL: "C",
        HELM_CACHE_HOME: join(home, "cache"),
        HELM_CONFIG_HOME: join(home, "config"),
        HELM_DATA_HOME: join(home, "data"),
        KUBECONFIG: join(home, "kubeconfig"),
        // No network, behind the check of what a kustomization names (kustomize-paths.ts): HTTP
        // through a proxy that is not there, git only from local paths, never a prompt.
        HTTP_PROXY: NO_NETWORK,
        HTTPS_PROXY: NO_NETWORK,
        ALL_PROXY: NO_NETWORK,
        http_proxy: NO_NETWORK,
        https_proxy: NO_NETWORK,
        GIT_ALLOW_PROTOCOL: "file",
        GIT_TERMINAL_PROMPT: "0",
      },
      home,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Helm and kubectl run with a minimal environment: PATH, and a HOME (with Helm's and kubectl's
 * folders) in a fresh temporary directory, so no CI secret, kubeconfig or registry login of the
 * build's environment reaches them. `run` gets the environment; the directory is removed after.
 */
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
      },
      home,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readRegularText } from "./project-path.js";
import { join, resolve } from "node:path";
import { parsePlainYaml } from "../load/yaml/parse-plain.js";
import { isInside, projectRoot, realPath } from "../load/confine.js";
import { filesUnder } from "./helm.js";
import { withToolEnv } from "./tool-env.js";
import { isRemoteEntry, kustomizationPaths } from "./kustomize-paths.js";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/**
 * The files a kustomization reads: its folder's, and those of every local folder it lists in
 * `resources`, `bases` or `components` (an overlay's `../base`). A remote base (a URL) or a folder
 * outside the project is refused, so kubectl never needs the network or reads beyond the project.
 */
export function kustomizationFiles(dir: string, projectDir: string): { files: string[] } | { problem: string } {
  const root = projectRoot(projectDir);
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (folder: string): string | undefined => {
    if (seen.has(folder)) return undefined;
    seen.add(folder);
    const name = KUSTOMIZATION_FILES.find((file) => existsSync(join(folder, file)));
    if (!name) return `${folder} has no kustomization.yaml`;
    for (const file of filesUnder(folder)) files.push(join(folder, file));
    const read = readRegularText(join(folder, name), join(folder, name));
    if ("problem" in read) return read.problem;
    const yaml = parsePlainYaml(read.text);
    if ("problem" in yaml) return `${join(folder, name)}: ${yaml.problem}`;
    const parsed = (yaml.value ?? {}) as Record<string, unknown>;
    // kustomize --enable-helm pulls each chart from its repository; kubectl's own message was
    // "must specify --enable-helm", which tkc never passes: say what to do instead.
    if (Array.isArray(parsed.helmCharts) && parsed.helmCharts.length > 0) {
      const chart = parsed.helmCharts[0] as { name?: unknown } | null;
      const named = typeof chart?.name === "string" ? `the Helm chart ${JSON.stringify(chart.name)}` : "a Helm chart";
      return `${join(folder, name)} inflates ${named} (helmCharts), which kustomize pulls from its repository: tkc renders only the project's own files; vendor the chart into the project (helm pull --untar) and render it with helmChart({ chart: "./vendor/charts/<name>" }), and kustomization() the rest`;
    }
    // Every path, not only resources: kustomize fetches a patch's or a generator's file by URL too.
    for (const entry of kustomizationPaths(parsed)) {
      if (isRemoteEntry(entry, existsSync(resolve(folder, entry)))) return `${join(folder, name)} names ${entry}, which kustomize would fetch from the network: tkc renders only the project's own files (vendor it into the project)`;
    }
    for (const field of ["resources", "bases", "components"]) {
      const entries = parsed[field];
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (typeof entry !== "string") continue;
        const real = realPath(resolve(folder, entry));
        if (real === undefined) continue; // kubectl reports it
        if (!isInside(real, root)) return `${field} entry ${entry} lies outside the project: tkc does not read it`;
        if (KUSTOMIZATION_FILES.some((file) => existsSync(join(real, file)))) {
          const problem = visit(real);
          if (problem) return problem;
        }
      }
    }
    return undefined;
  };
  const problem = visit(dir);
  return problem ? { problem } : { files: [...new Set(files)].sort() };
}

/** `kubectl kustomize DIR` (kubectl's built-in Kustomize; no plugins, no network): its YAML or message. */
export function kubectlKustomize(dir: string): { yaml: string; kubectl: string } | { problem: string } {
  const kubectl = process.env.TKC_KUBECTL ?? "kubectl";
  return withToolEnv((env) => {
    const version = spawnSync(kubectl, ["version", "--client", "-o", "json"], { env, encoding: "utf8", timeout: 30_000 });
    if (version.error) return { problem: `kubectl is needed to render a kustomization and was not found (${version.error.message}); install kubectl or set TKC_KUBECTL` };
    let kustomize = "unknown";
    try {
      const parsed = JSON.parse(version.stdout) as { kustomizeVersion?: string; clientVersion?: { gitVersion?: string } };
      kustomize = `kubectl ${parsed.clientVersion?.gitVersion ?? "?"}, kustomize ${parsed.kustomizeVersion ?? "?"}`;
    } catch {
      // keep unknown
    }
    const result = spawnSync(kubectl, ["kustomize", dir], { env, cwd: dir, encoding: "utf8", timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    if (result.error) return { problem: `kubectl did not run: ${result.error.message}` };
    if (result.status !== 0) return { problem: result.stderr.trim() || `kubectl exited with ${result.status}` };
    return { yaml: result.stdout, kubectl: kustomize };
  });
}

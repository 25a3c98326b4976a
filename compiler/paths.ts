import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tkcRoot } from "./root.js";

export { tkcRoot };

let cachedVersion: string | undefined;

export function tkcVersion(): string {
  return (cachedVersion ??= JSON.parse(readFileSync(join(tkcRoot(), "package.json"), "utf8")).version as string);
}

/**
 * Where the types descriptors are checked against come from. `sources`: tkc's own .ts files (what
 * editors use through `tkc init`'s tsconfig). `declarations`: the .d.ts files `npm run build` emits
 * into dist/types, which TypeScript reads without re-checking tkc itself (skipLibCheck), so
 * `tkc check` spends its time on the user's files.
 */
export type TypeSource = "sources" | "declarations";

function declarationsBuilt(): boolean {
  return existsSync(join(tkcRoot(), "dist", "types", "stdlib", "index.d.ts"));
}

export function preferredTypeSource(): TypeSource {
  return declarationsBuilt() ? "declarations" : "sources";
}

/** The stdlib entry users import as "tkc". */
export function stdlibEntry(from: TypeSource = "sources"): string {
  return from === "declarations" ? join(tkcRoot(), "dist", "types", "stdlib", "index.d.ts") : join(tkcRoot(), "stdlib", "index.ts");
}

/** Ambient declarations that let descriptors import text files as strings. */
export function textModulesDeclaration(): string {
  return join(tkcRoot(), "stdlib", "text-modules.d.ts");
}

/** Ambient declarations of what the evaluation sandbox provides (console). */
export function sandboxGlobalsDeclaration(): string {
  return join(tkcRoot(), "stdlib", "sandbox-globals.d.ts");
}

/** The generated TypeScript types of the built-in custom resources, imported as "tkc/crds". */
export function crdTypesEntry(from: TypeSource = "sources"): string {
  return from === "declarations" ? join(tkcRoot(), "dist", "types", "schemas", "crds", "types.d.ts") : join(tkcRoot(), "schemas", "crds", "types.ts");
}

/**
 * What "tkc/crds" is for a check of a project that names no custom resource: no types, so raw()
 * takes built-in kinds only (the CRDs' declarations are a third of tsc's work on a small project).
 */
export function noCrdTypesDeclaration(): string {
  return join(tkcRoot(), "stdlib", "no-crd-types.d.ts");
}

/** The API groups tkc has custom resource types for (`cert-manager.io`, ...): the folders of the CRD types. */
export function crdTypeGroups(from: TypeSource = "sources"): readonly string[] {
  try {
    return readdirSync(dirname(crdTypesEntry(from)), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

/** The generated TypeScript types of one Kubernetes version, imported as "tkc/k8s". */
export function kubeTypesEntry(kubeVersion: string, from: TypeSource = "sources"): string {
  return from === "declarations"
    ? join(tkcRoot(), "dist", "types", "schemas", `v${kubeVersion}`, "types.d.ts")
    : join(tkcRoot(), "schemas", `v${kubeVersion}`, "types.ts");
}

let cachedFingerprint: string | undefined;

/**
 * Changes whenever tkc's own stdlib or generated types change (size and mtime of each file), so
 * caches built by another tkc never answer for this one. Cheap: a stat per file.
 */
export function toolchainFingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  const parts: string[] = [tkcVersion()];
  // Running from the bundle: it holds the compiler and the stdlib, and dist/types was emitted
  // with it, so the bundle's stat stands for all of them (schemas are checked by their hash).
  // (dist/warm.cjs, the fast path of `tkc build`, shares the warm-build cache with dist/tkc.cjs.)
  const bundle = join(tkcRoot(), "dist", "tkc.cjs");
  if (dirname(fileURLToPath(import.meta.url)) === dirname(bundle)) {
    const stat = statSync(bundle);
    return (cachedFingerprint = `${parts[0]}|${bundle}:${stat.size}:${stat.mtimeMs}`);
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) {
        const stat = statSync(full);
        parts.push(`${full}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(join(tkcRoot(), "stdlib"));
  walk(join(tkcRoot(), "schemas"));
  walk(join(tkcRoot(), "compiler"));
  parts.sort();
  return (cachedFingerprint = parts.join("|"));
}

import type { Message } from "esbuild";
import { createRequire } from "node:module";
import { relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { confineImports, outsideProject, outsideRefusal } from "./confine-imports.js";
import { projectRoot } from "../load/confine.js";
import { importCycles } from "./import-cycles.js";

export interface DescriptorBundle {
  /** CommonJS code of the root descriptor and every local file it imports. */
  readonly code: string;
  /** Source map of `code` (JSON). */
  readonly map: string;
  /** Absolute paths of the project files that went into the bundle. */
  readonly inputs: readonly string[];
}

/** Modules a descriptor may import that tkc provides itself. */
export const PROVIDED_MODULES = ["tkc", "tkc/k8s", "tkc/crds"];

/**
 * Bundle the root descriptor and its local imports with esbuild (TypeScript stripped, no type
 * check: that is the typecheck stage's job). Node built-ins are refused: descriptors are pure.
 */
export async function bundleDescriptors(projectDir: string, entry: string, textOf: (file: string) => string | undefined): Promise<{ bundle?: DescriptorBundle; diagnostics: Diagnostic[] }> {
  // With a bundle, the diagnostics are warnings about it (import cycles); without, what stopped it.
  // Loaded here, not at start-up: only a build that evaluates needs esbuild (~5 ms to load). A
  // require, not import(): the bundled CLI runs as a vm.Script, which has no dynamic import.
  // esbuild reads a `*` in an entry point as a glob: named from the project folder, a `*` in the
  // folders above it (`~/we*rd/shop`) is not part of the name; one in the file's own name is refused.
  const entryPoint = `./${relative(projectDir, entry).split(sep).join("/")}`;
  if (entryPoint.includes("*")) {
    return { diagnostics: [error("TKC2005", `the root descriptor's path ${entryPoint.slice(2)} holds a "*", which the bundler reads as a wildcard`, { location: { file: entry, line: 1, column: 1 }, hint: "rename the file (or the folder in the project that holds it) without the \"*\"" })] };
  }
  const { build, stop } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  try {
    const result = await build({
      entryPoints: [entryPoint],
      absWorkingDir: projectDir,
      bundle: true,
      write: false,
      format: "cjs",
      platform: "neutral",
      target: "es2022",
      mainFields: ["module", "main"],
      sourcemap: "external",
      sourcesContent: false,
      outfile: resolve(projectDir, "__tkc_bundle.js"),
      // Real paths in the plugin's callbacks: its filter skips the files under the project root.
      preserveSymlinks: false,
      external: PROVIDED_MODULES,
      // Everything else must be the project's own (see confine-imports.ts).
      plugins: [confineImports(projectDir, PROVIDED_MODULES)],
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
      // Strict mode everywhere: a write to a frozen built-in is then an error, not silently ignored.
      banner: { js: '"use strict";' },
      // Config templates and scripts import as strings (declared in stdlib/text-modules.d.ts).
      loader: { ".hbs": "text", ".tpl": "text", ".conf": "text", ".txt": "text" },
    });
    let code: string;
    try {
      code = result.outputFiles.find((f) => f.path.endsWith(".js"))!.text;
    } catch (failure) {
      // Code (not data files, which are measured first) past the longest string JavaScript holds.
      if (!(failure instanceof Error && /string longer than/i.test(failure.message))) throw failure;
      return { diagnostics: [error("TKC2032", "the descriptors and the files they import bundle to more than tkc can hold (512 MiB)", { location: { file: resolve(projectDir, entry), line: 1, column: 1 }, hint: "look for a huge generated source file among the imports" })] };
    }
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"))!.text;
    const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(projectDir, p)).sort();
    // The plugin refuses outside files before they are read; this holds even if esbuild ever
    // handed it a path that is not real.
    const root = projectRoot(projectDir);
    const outside = inputs.map((input) => outsideProject(input, root)).filter((real) => real !== undefined);
    if (outside.length > 0) return { diagnostics: outside.map((real) => outsideRefusal(real)) };
    return { bundle: { code, map, inputs }, diagnostics: importCycles(result.metafile.inputs, projectDir, textOf) };
  } catch (failure) {
    const errors = (failure as { errors?: Message[] }).errors;
    if (!errors) throw failure;
    return { diagnostics: errors.map((m) => toDiagnostic(m, projectDir)) };
  } finally {
    // esbuild keeps a service process alive (~25 MB); a build bundles once, and the type checker
    // reaches its peak memory later, so end the service now.
    void stop();
  }
}

function toDiagnostic(message: Message, projectDir: string): Diagnostic {
  const loc = message.location;
  const location = loc ? { file: resolve(projectDir, loc.file), line: loc.line, column: loc.column + 1, length: loc.length } : undefined;
  const refused = message.detail as Diagnostic | undefined;
  if (refused?.code) return { ...refused, location };
  const builtin = /Could not resolve "(node:)?(fs|path|os|child_process|http|https|net|crypto|process|util)"/.exec(message.text);
  if (builtin) {
    return error("TKC2006", `descriptors cannot import the Node.js module "${builtin[2]}": they must be pure and deterministic`, {
      location,
      hint: "compute values in TypeScript, or read files through tkc helpers; environment access is not allowed",
    });
  }
  const unresolved = /Could not resolve "([^"]+)"/.exec(message.text);
  if (unresolved) {
    return error("TKC2005", `cannot resolve import "${unresolved[1]}"`, {
      location,
      hint: unresolved[1].startsWith(".") ? `check the path relative to ${relative(projectDir, location?.file ?? projectDir) || "this file"}` : "import from \"tkc\", a relative file, or a package in node_modules",
    });
  }
  // esbuild's words name its output format ("not supported with the \"cjs\" output format"), which a user never chose
  if (/^Top-level await is currently not supported/.test(message.text)) {
    return error("TKC2001", "top-level await is not available in descriptors: their values are computed at once, with nothing to wait for", {
      location,
      hint: "remove the await (descriptors do no I/O; a file's text is imported: import text from \"./file.txt\")",
    });
  }
  return error("TKC2001", message.text, { location, hint: "fix the syntax error" });
}

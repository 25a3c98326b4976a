/**
 * An esbuild plugin that lets a descriptor import only what its project owns: files under the
 * project root, tkc's own modules, and the npm packages the project's package.json declares
 * (installed in its node_modules). Every file esbuild is about to read is judged by its real path,
 * so neither `../../etc/resolv.conf`, an absolute path, a computed `require("../x/" + name)` nor a
 * link planted in the project reaches a file outside. A refusal is a message at the import,
 * carrying its diagnostic in `detail`.
 *
 * Cost: esbuild's own `build.resolve` from a plugin costs ~5 ms per import (N=500: 0.5 s -> 3 s),
 * so the checks below use it only for an undeclared bare specifier, which is rare.
 */
import { readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import type { Plugin, PartialMessage } from "esbuild";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isInside, projectRoot, realPath } from "../load/confine.js";
import { noneOf, notStartingWith } from "./filter-patterns.js";
import { MAX_FILE_BYTES } from "../load/regular-file.js";
import { withoutBom } from "../load/without-bom.js";

const FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

/** Package names the project's package.json declares (none without a package.json). */
export function declaredDependencies(projectDir: string): Set<string> {
  const names = new Set<string>();
  const real = realPath(join(projectDir, "package.json"));
  if (!real || !isInside(real, projectRoot(projectDir))) return names;
  try {
    const parsed = JSON.parse(withoutBom(readFileSync(real, "utf8"))) as Record<string, unknown>;
    for (const field of FIELDS) {
      const deps = parsed[field];
      if (deps && typeof deps === "object") for (const name of Object.keys(deps)) names.add(name);
    }
  } catch {
    // an unreadable package.json declares nothing
  }
  return names;
}

/** The package a bare specifier names: `lodash/fp` -> `lodash`, `@scope/name/x` -> `@scope/name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return parts[0]!.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

// Specifiers that name a place by path: absolute, or climbing with `..`.
const PATH_LIKE = /^\/|^[A-Za-z]:[\\/]|(^|[\\/])\.\.([\\/]|$)/;
/** Where a file esbuild read lies outside the project root, or undefined (`path` as esbuild gave it). */
export function outsideProject(path: string, root: string): string | undefined {
  const real = realPath(path);
  return real === undefined || isInside(real, root) ? undefined : real;
}

/**
 * The largest file a descriptor may import as data (text, JSON, templates): the API server takes
 * objects of at most 3 MiB, so a larger one can only be cut down, and one of hundreds of MiB made
 * a bundle no JavaScript string can hold.
 */
export const MAX_IMPORTED_BYTES = MAX_FILE_BYTES;

/** Files imported as data, not code (bundle.ts gives their loaders). */
const DATA_FILE = /\.(?:json|txt|hbs|tpl|conf)$/;

export function tooLargeRefusal(path: string, bytes: number): Diagnostic {
  return error("TKC2032", `this import reads ${path}, ${(bytes / 1048576).toFixed(1)} MiB; descriptors import files of at most ${MAX_IMPORTED_BYTES / 1048576} MiB`, {
    hint: "no Kubernetes object holds that much: import a smaller file, or keep the data out of the objects (mount it from a volume or an image)",
  });
}

/** The refusal of a file that lies outside the project. */
export function outsideRefusal(real: string): Diagnostic {
  return error("TKC2030", `this import reaches ${real}, outside the project: descriptors read only the project's own files`, {
    hint: "a symbolic link, a package linked in from outside (npm link, a workspace) or a computed path leads there: copy the file into the project",
  });
}

export function confineImports(projectDir: string, provided: readonly string[]): Plugin {
  return {
    name: "tkc-confine-imports",
    setup(build) {
      const root = projectRoot(projectDir);
      const modules = join(root, "node_modules");
      const declared = declaredDependencies(projectDir);
      const refuse = (diagnostic: Diagnostic) => ({ errors: [{ text: diagnostic.message, detail: diagnostic } satisfies PartialMessage] });
      const inProject = (path: string) => isInside(path, projectDir) || isInside(path, root);

      // A path that leaves the project by its very spelling is refused as written.
      build.onResolve({ filter: PATH_LIKE }, (args) => {
        if (args.pluginData?.confined || inProject(resolve(args.resolveDir, args.path))) return undefined;
        return refuse(error("TKC2030", `import "${args.path}" is outside the project: descriptors read only the project's own files`, {
          hint: "copy the file into the project (or depend on it as an npm package) and import it from there",
        }));
      });

      // From the project's own code, a package must be declared; a declared package's own
      // imports (its files, its dependencies) are its business.
      // Bare specifiers (packages, tsconfig path aliases), but not tkc's own modules, which every
      // descriptor imports (esbuild treats them as external).
      build.onResolve({ filter: new RegExp(noneOf(provided, "./")) }, async (args) => {
        if (args.pluginData?.confined || provided.includes(args.path) || isBuiltin(args.path)) return undefined;
        const name = packageName(args.path);
        if (declared.has(name)) return undefined;
        const importer = args.importer ? realPath(args.importer) : undefined;
        if (importer === undefined || isInside(importer, modules)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { confined: true } });
        const real = resolved.errors.length === 0 && resolved.namespace === "file" ? realPath(resolved.path) : undefined;
        // Not a package (a tsconfig path alias to a project file, a missing module): esbuild decides.
        if (real === undefined || !isInside(real, modules)) return resolved.errors.length === 0 ? resolved : undefined;
        return refuse(error("TKC2031", `import "${args.path}" uses the package "${name}", which the project's package.json does not declare`, {
          hint: `add it to package.json (npm install --save-exact ${name}), or import only declared packages`,
        }));
      });

      // Every file esbuild reads passes here, whatever led to it: a link in the project, a
      // package linked in from outside, a computed require. The last check before any byte is read.
      // esbuild hands over real paths (it resolves every link; bundle.ts keeps preserveSymlinks
      // off), so a path under the real root is inside and needs no call: only the others come here.
      // bundle.ts checks every input again after the build.
      const underRoot = root.endsWith(sep) ? root : root + sep;
      build.onLoad({ filter: new RegExp(notStartingWith(underRoot)), namespace: "file" }, (args) => {
        const real = outsideProject(args.path, root);
        return real === undefined ? undefined : refuse(outsideRefusal(real));
      });

      // Data files are few: each is measured before esbuild reads it.
      build.onLoad({ filter: DATA_FILE, namespace: "file" }, (args) => {
        const bytes = statSync(args.path, { throwIfNoEntry: false })?.size ?? 0;
        return bytes > MAX_IMPORTED_BYTES ? refuse(tooLargeRefusal(relative(root, args.path) || args.path, bytes)) : undefined;
      });
    },
  };
}

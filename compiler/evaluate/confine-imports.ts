/**
 * An esbuild plugin that lets a descriptor import only what its project owns: files under the
 * project root, tkc's own modules, and the npm packages the project's package.json declares
 * (installed in its node_modules). Each resolved path is judged by its real path, so neither
 * `../../etc/resolv.conf`, an absolute path, nor a link planted in the project reaches a file
 * outside. A refusal is a message at the import, carrying its diagnostic in `detail`.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Plugin, PartialMessage } from "esbuild";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isInside, projectRoot, realPath } from "../load/confine.js";

const FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

/** Package names the project's package.json declares (none without a package.json). */
export function declaredDependencies(projectDir: string): Set<string> {
  const names = new Set<string>();
  const manifest = join(projectDir, "package.json");
  const real = realPath(manifest);
  if (!real || !isInside(real, projectRoot(projectDir))) return names;
  try {
    const parsed = JSON.parse(readFileSync(real, "utf8")) as Record<string, unknown>;
    for (const field of FIELDS) {
      const deps = parsed[field];
      if (deps && typeof deps === "object") for (const name of Object.keys(deps)) names.add(name);
    }
  } catch {
    // an unreadable package.json declares nothing
  }
  return names;
}

/** The package a path in node_modules belongs to: `lodash` or `@scope/name`. */
function packageOf(pathInModules: string): string {
  const parts = pathInModules.split(sep);
  return parts[0]!.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

export function confineImports(projectDir: string, provided: readonly string[]): Plugin {
  return {
    name: "tkc-confine-imports",
    setup(build) {
      const root = projectRoot(projectDir);
      const modules = join(root, "node_modules");
      const declared = declaredDependencies(projectDir);
      const refuse = (diagnostic: Diagnostic) => ({ errors: [{ text: diagnostic.message, detail: diagnostic } satisfies PartialMessage] });

      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.confined) return undefined; // our own build.resolve below
        if (provided.includes(args.path)) return { path: args.path, external: true };
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, namespace: args.namespace, pluginData: { confined: true } });
        // esbuild's own "Could not resolve" (a Node.js built-in, a missing file) keeps its message.
        if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== "file") return resolved;
        const real = realPath(resolved.path);
        if (real === undefined) return resolved; // esbuild reports the missing file when it loads it
        if (!isInside(real, root)) {
          // esbuild resolves links itself: a relative import that stays inside by name went through one.
          const named = args.path.startsWith(".") ? resolve(args.resolveDir, args.path) : resolved.path;
          const linked = isInside(named, projectDir) || isInside(named, root);
          const bare = !args.path.startsWith(".") && !isAbsolute(args.path);
          // The specifier says where a plain path goes; a link or a package needs its target named.
          const where = linked ? ` leads through a symbolic link to ${real},` : bare ? ` resolves to ${real},` : " is";
          return refuse(error("TKC2030", `import "${args.path}"${where} outside the project: descriptors read only the project's own files`, {
            hint: bare
              ? "a package linked from outside the project (npm link, a workspace) is refused: install it into the project's node_modules"
              : "copy the file into the project (or depend on it as an npm package) and import it from there",
          }));
        }
        if (isInside(real, modules)) {
          const importerReal = args.importer ? realPath(args.importer) : undefined;
          // A dependency's own imports (its files, its dependencies) are the package's business.
          if (importerReal !== undefined && isInside(importerReal, modules)) return resolved;
          const name = packageOf(relative(modules, real));
          if (!declared.has(name)) {
            return refuse(error("TKC2031", `import "${args.path}" uses the package "${name}", which the project's package.json does not declare`, {
              hint: `add it to package.json (npm install --save-exact ${name}), or import only declared packages`,
            }));
          }
        }
        return resolved;
      });

      // Every file esbuild reads passes here, also those no onResolve saw (the matches of a
      // computed `require("../x/" + name)`): a last check before any content is read.
      build.onLoad({ filter: /.*/, namespace: "file" }, (args) => {
        const real = realPath(args.path);
        if (real === undefined || isInside(real, root)) return undefined;
        return refuse(error("TKC2030", `${args.path} is outside the project, and a computed import reaches it: descriptors read only the project's own files`, {
          hint: "import project files by their literal path, e.g. import text from \"./config/app.conf\"",
        }));
      });
    },
  };
}

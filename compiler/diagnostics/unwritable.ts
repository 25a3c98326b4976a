import { isAbsolute, relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "./diagnostic.js";

/** What the file system said, for the errors that mean "this place cannot be written", not a bug in tkc. */
const UNWRITABLE: Readonly<Record<string, string>> = {
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file is in the way",
  EISDIR: "a folder is in the way",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space is left on the device",
  EDQUOT: "the disk quota is used up",
  ENAMETOOLONG: "the path is too long",
};

/**
 * TKC4008 for a failure to create or write a path (`--out release.k8s.ts`, a read-only folder, a
 * full disk), or undefined when `failure` is something else. Any command that writes may meet one.
 */
export function unwritableDiagnostic(failure: unknown, env: Readonly<Record<string, string | undefined>> = process.env): Diagnostic | undefined {
  const { code, path, syscall } = (failure ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  const reason = typeof code === "string" ? UNWRITABLE[code] : undefined;
  if (reason === undefined) return undefined;
  // open and stat serve reading too: only what surely writes says "write".
  const verb = typeof syscall === "string" && WRITING.has(syscall) ? "write" : "read or write";
  // The cache folder is the user's choice too, but not through --out: say which setting it is.
  const cache = env.TKC_CACHE_DIR ? resolve(env.TKC_CACHE_DIR) : undefined;
  const inCache = cache !== undefined && typeof path === "string" && (resolve(path) === cache || resolve(path).startsWith(cache + sep));
  return error("TKC4008", `cannot ${verb} ${shownPath(path)}: ${reason}`, {
    hint: inCache
      ? "TKC_CACHE_DIR names this cache folder: point it at a folder tkc may write, or unset it (the cache is then the project's .tkc-cache/)"
      : "point the command at a folder tkc may write (it creates what is missing): --out, or outDir in tkc.config.json",
  });
}

const WRITING = new Set(["mkdir", "rename", "unlink", "rmdir", "rm", "write", "copyfile", "symlink", "link", "utime", "futime", "chmod", "fchmod", "ftruncate"]);

function shownPath(path: unknown): string {
  if (typeof path !== "string") return "a file it needs";
  const shown = relative(process.cwd(), path);
  if (shown === "") return ".";
  return shown.startsWith("..") && isAbsolute(path) ? path : shown;
}

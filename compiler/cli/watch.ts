import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { loadProject } from "../load/project.js";
import type { Output } from "./output.js";
import { escapeControl } from "../diagnostics/escape.js";
import { watchTree, type TreeWatcher } from "./watch-tree.js";

/** Folders whose changes never start a rebuild: tkc's own output and caches, dependencies, dot-folders. */
function ignored(path: string, outDirs: readonly string[]): boolean {
  const parts = path.split(/[\\/]/);
  if (parts.some((p) => p === "node_modules" || p.startsWith("."))) return true;
  return outDirs.some((dir) => dir !== "" && !dir.startsWith("..") && (path === dir || path.startsWith(dir + "/")));
}

/**
 * `--watch`: run once, then again after every save in the project (debounced: an editor's
 * write-rename-chmod is one change), until SIGINT. Each run is the same build as without --watch,
 * so unchanged inputs take the warm path.
 */
export async function watchProject(target: string, outDir: string | undefined, output: Output, run: () => Promise<number>): Promise<number> {
  const loaded = loadProject({ target }, { read: new Map() });
  if (!loaded.ok) return run(); // prints the diagnostics; nothing to watch
  const dir = loaded.value.dir;
  // With "/", as watchTree reports paths.
  const outDirs = [relative(dir, resolve(outDir ?? resolve(dir, loaded.value.config.outDir))).split(sep).join("/")];
  await run();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let changed = new Set<string>();
  let watcher: TreeWatcher;
  return new Promise((done) => {
    watcher = watchTree(dir, (path) => ignored(path, outDirs), (path) => {
      changed.add(path);
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Named: the files that are there now (an editor's temp file is gone by then, and a new
        // folder is named by its files); a deletion only, as it is.
        const all = [...changed].sort();
        changed = new Set();
        const present = all.filter((path) => statSync(join(dir, path), { throwIfNoEntry: false })?.isFile() === true);
        const files = present.length > 0 ? present : all;
        running = running.then(async () => {
          output.err(`\nchanged: ${files.slice(0, 3).map(escapeControl).join(", ")}${files.length > 3 ? ` and ${files.length - 3} more` : ""}; rebuilding`);
          await run();
        });
      }, 150);
    });
    // Said only now that the watchers exist: a save right after the message is seen (the tests
    // save at once) must not fall before them.
    output.err(`watching ${relative(process.cwd(), dir) || "."} for changes (Ctrl-C to stop)`);
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      process.off("SIGINT", stop);
      void running.then(() => done(0));
    };
    process.on("SIGINT", stop);
  });
}

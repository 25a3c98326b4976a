import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { join, relative, sep } from "node:path";

export interface TreeWatcher {
  close(): void;
}

/**
 * Watch every folder of a tree (one non-recursive watcher per folder) and report the path of each
 * entry that changes, relative to `root` with `/`. Folders, not files, are watched: an editor that
 * saves by writing a new file and renaming it over the old one (vim, JetBrains' safe write, `sed
 * -i`) replaces the file's inode, and Node's own recursive watch on Linux, which watches files,
 * lost such a file after a build had run beside it, so every later save went unseen. A folder
 * created later is watched from its first event; `skip` says which relative paths (and the
 * folders below them) to leave out.
 */
export function watchTree(root: string, skip: (path: string) => boolean, changed: (path: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  const shown = (full: string) => relative(root, full).split(sep).join("/");

  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (name === null || name === undefined) return;
        const full = join(dir, String(name));
        const path = shown(full);
        if (skip(path)) return;
        // A folder created, replaced or deleted: its old watchers (and those below it) watch
        // nothing any more, so they are dropped, and a folder that is there is walked again.
        const folder = isFolder(full);
        if (folder || watchers.has(full)) {
          drop(full);
          if (folder) walk(full);
        }
        changed(path);
      });
    } catch {
      return; // gone, or unreadable, since it was listed
    }
    watcher.on("error", () => drop(dir));
    watchers.set(dir, watcher);
  };

  const drop = (dir: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched === dir || watched.startsWith(dir + sep)) {
        watcher.close();
        watchers.delete(watched);
      }
    }
  };

  const walk = (dir: string) => {
    add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !skip(shown(full))) walk(full);
    }
  };

  walk(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

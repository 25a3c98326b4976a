import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";

/** Resolves once `pattern` has appeared in what the process printed so far. */
function waitFor(text: () => string, pattern: RegExp, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (pattern.test(text())) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error(`no ${pattern} in:\n${text()}`));
      }
    }, 50);
  });
}

test("build --watch sees every save after an editor's safe write (a new file renamed over the old one), and files in new folders", async () => {
  const project = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), project, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "build", project, "--watch"], { env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-") } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const source = join(project, "release.k8s.ts");
  const original = readFileSync(source, "utf8");
  try {
    await waitFor(() => output, /watching .* for changes/);
    // Saved as vim and JetBrains' safe write save: a new file, renamed over the old one.
    writeFileSync(join(project, "4913"), original.replace("1.27.3", "1.27.4"));
    renameSync(join(project, "4913"), source);
    await waitFor(() => output, /hello\/dev: revision 2 /);
    assert.match(output, /changed: release\.k8s\.ts; rebuilding/, "the editor's temp file is not named");
    // After a build: Node's own recursive watch lost the replaced file here, and missed this save.
    writeFileSync(source, original.replace("1.27.3", "1.27.5"));
    await waitFor(() => output, /hello\/dev: revision 3 /);
    // A file in a folder made after the watch began, imported by the release.
    mkdirSync(join(project, "lib", "deep"), { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the new folder is watched from its first event
    writeFileSync(join(project, "lib", "deep", "tag.ts"), 'export const tag = "1.27.6";\n');
    writeFileSync(source, `import { tag } from "./lib/deep/tag.ts";\n${original.replace('"nginxinc/nginx-unprivileged:1.27.3"', "`nginxinc/nginx-unprivileged:${tag}`")}`);
    await waitFor(() => output, /hello\/dev: revision 4 /);
    writeFileSync(join(project, "lib", "deep", "tag.ts"), 'export const tag = "1.27.7";\n');
    await waitFor(() => output, /hello\/dev: revision 5 /);
    assert.match(output, /changed: lib\/deep\/tag\.ts; rebuilding\n[^\n]*revision 5 /);
  } finally {
    child.kill("SIGINT");
  }
  assert.equal(await exited, 0, output);
});

test("build --watch: builds, rebuilds after a save (unchanged output stays warm), stops cleanly on SIGINT", async () => {
  const project = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), project, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "build", project, "--watch"], { env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-") } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const all = () => stdout + stderr;
  try {
    await waitFor(all, /watching .* for changes/);
    assert.match(stdout, /^hello\/dev: revision 1 /m);
    const source = join(project, "release.k8s.ts");
    writeFileSync(source, readFileSync(source, "utf8").replace("1.27.3", "1.27.4"));
    await waitFor(all, /hello\/dev: revision 2 /);
    assert.match(stderr, /changed: release\.k8s\.ts; rebuilding/);
    // A save that breaks the build: diagnostics, and the watch goes on.
    writeFileSync(source, readFileSync(source, "utf8").replace("1.27.4", "latest"));
    await waitFor(all, /error TKC3206/);
    writeFileSync(source, readFileSync(source, "utf8").replace("latest", "1.27.4"));
    await waitFor(all, /hello\/dev: unchanged, revision 2/);
  } finally {
    child.kill("SIGINT");
  }
  assert.equal(await exited, 0, all());
  assert.doesNotMatch(stdout, /revision 3/, "writing the bundle did not trigger a rebuild of its own");
});

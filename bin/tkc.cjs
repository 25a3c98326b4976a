#!/usr/bin/env node
"use strict";
// Thin launcher: the compiler is bundled into dist/tkc.cjs by `npm run build` (run by `npm ci`).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const bundle = join(__dirname, "..", "dist", "tkc.cjs");
if (!existsSync(bundle)) {
  process.stderr.write("tkc: dist/tkc.cjs is missing; run `npm run build` in " + join(__dirname, "..") + "\n");
  process.exit(70);
}
// Node resolves no package (esbuild, typescript) from a folder whose name holds a backslash
// (ERR_INVALID_MODULE_SPECIFIER), which only Windows reads as a separator: say so, not its stack.
if (process.platform !== "win32" && __dirname.includes("\\")) {
  process.stderr.write(`error: tkc is installed in ${join(__dirname, "..")}, whose name holds a backslash: Node.js cannot load packages from there\n  hint: install tkc (or the project that depends on it) in a folder without a backslash in its path\n`);
  process.exit(1);
}
// A working folder deleted (or moved) since the shell entered it: relative paths, and yargs as it
// loads, need it. Say so, rather than print Node's stack for uv_cwd.
try {
  process.cwd();
} catch {
  process.stderr.write("error: the current folder no longer exists (it was deleted or moved since the shell entered it)\n  hint: cd into a folder that exists and run tkc again\n");
  process.exit(1);
}
// A reader that stops early (`tkc build --out - | head`, a `kubectl apply -f -` that failed)
// closes the pipe: stop quietly with 141, as a tool that SIGPIPE ends does, not with Node's stack.
// Any other failure to write them (a full disk behind `> all.yaml`) is said in one line.
for (const [stream, name] of [[process.stdout, "the standard output"], [process.stderr, "the standard error"]]) {
  stream.on("error", (failure) => {
    if (failure && failure.code === "EPIPE") process.exit(141);
    const reason = failure && failure.code === "ENOSPC" ? "no space is left on the device" : String((failure && failure.code) || failure);
    if (stream !== process.stderr) {
      try {
        process.stderr.write(`error: cannot write ${name}: ${reason}\n`);
      } catch {
        // standard error is gone too: the exit code says it
      }
    }
    process.exit(1);
  });
}
const { loadWithCodeCache, flushCodeCaches, setV8Flags } = require("../compiler/code-cache.cjs");
const argv = process.argv.slice(2);
// A build with nothing to do is answered by the pipeline's front alone (dist/warm.cjs, ~35 KB),
// without loading the compiler; any other run, or a build with work, goes on as if it never ran.
const warm = join(__dirname, "..", "dist", "warm.cjs");
let answered;
if (argv[0] === "build" && existsSync(warm)) {
  try {
    answered = loadWithCodeCache(warm).warmMain(argv);
  } catch {
    answered = undefined; // whatever went wrong, the full CLI runs and reports it
  }
}
// A build or check that succeeded ran the whole compiler: its code caches are the ones to keep.
const complete = (code) => code === 0 && (argv[0] === "build" || argv[0] === "check") && !argv.some((arg) => arg === "--help" || arg === "-h");
if (answered !== undefined) {
  flushCodeCaches(complete(answered));
  process.exitCode = answered;
} else {
  keepYoungGenerationSmall(argv[0]);
  loadWithCodeCache(bundle)
    .main(argv)
    .then((code) => {
      flushCodeCaches(complete(code));
      process.exitCode = code;
    });
}

/**
 * A build keeps V8's young generation at its start size: it runs the native tsc and the
 * evaluation process beside this one, and a grown young generation took this process from ~85 to
 * ~125 MiB at the process tree's peak (N=500), for no measured gain in time. Set here, after the
 * fast path, which needs neither it nor node:v8's ~3 ms to load (set before the fast path, the
 * peaks were the same over six sampled builds each). Commands that run alone (validate over a
 * large corpus) keep V8's default. Set only on the Node versions where the flag is known: V8
 * prints an error line for an unknown one.
 */
function keepYoungGenerationSmall(command) {
  const major = Number(process.versions.node.split(".")[0]);
  if (["build", "check", "diff"].includes(command) && major >= 20 && major <= 24) setV8Flags("--semi-space-growth-factor=1");
}

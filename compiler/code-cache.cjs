"use strict";
// Load a CommonJS file through V8's code cache, kept beside it as <file>.v8cache: parsing and
// compiling tkc's 1.5 MB bundle and the 2.8 MB validator modules is a large part of a short run,
// and Node 20 has no built-in compile cache. Plain JS so the launcher can use it before the
// bundle exists in memory. V8 checks a cache only against the source's length, so a rebuilt file
// of the same length would run stale compiled code: each cache starts with a header naming the
// file's size, mtime and inode, and a cache whose header does not match is ignored and rewritten.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const pending = [];
// V8 rejects a code cache made under other V8 flags, and rejecting tkc.cjs's costs ~60-80 ms
// before it compiles afresh. Flags set at run time (a build's, not validate's) therefore get
// caches of their own, named after them; one shared cache was rejected and rewritten each time
// the command changed.
let flagsTag = "";

/** Set V8 flags for the rest of this run; code caches loaded after this are kept apart. */
function setV8Flags(flags) {
  require("node:v8").setFlagsFromString(flags);
  flagsTag += "." + flags.replace(/^-+/, "").replace(/[^A-Za-z0-9]+/g, "-");
}

// Our bundles are ASCII (esbuild escapes the rest): read as latin1 they are the same string,
// made without UTF-8 decoding (2.8 MB of validators: ~17 ms -> ~2 ms, measured in a profile).
// Also how the evaluation process reads its realm (compiler/evaluate/child/evaluator.ts).
const { isAscii } = require("node:buffer");

function readSource(file) {
  const bytes = fs.readFileSync(file);
  return typeof isAscii === "function" && isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

function loadWithCodeCache(file) {
  const source = readSource(file);
  const cacheFile = `${file}${flagsTag}.v8cache`;
  const identity = cacheIdentity(file);
  const { cachedData, partial } = readCodeCache(cacheFile, identity);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  const missing = cachedData === undefined || script.cachedDataRejected;
  if (missing || partial) pending.push({ script, cacheFile, identity, missing });
  return module.exports;
}

/**
 * Write caches after the run, so they hold every function the run compiled. Best effort. A cache
 * holds only what the run that wrote it compiled: one written by `tkc --help` or a build that
 * stopped at its first error lacks the validators, and every later build compiled them afresh
 * (measured: validate 12 -> 39 ms at N=10). So a cache says whether a complete run (a build or
 * check that succeeded, `complete`) wrote it; until one has, the next complete run writes it again.
 */
function flushCodeCaches(complete = false) {
  for (const { script, cacheFile, identity, missing } of pending.splice(0)) {
    if (!missing && !complete) continue;
    writeCodeCache(cacheFile, identity, complete, script.createCachedData());
  }
}

/** A cache file's data, when its header names this file (`identity`); `partial`: no complete run wrote it. */
function readCodeCache(cacheFile, identity) {
  try {
    const stored = fs.readFileSync(cacheFile);
    const end = stored.indexOf(10);
    const [tag, size, mtime, ino, made] = stored.subarray(0, Math.max(0, end)).toString("latin1").split(" ");
    if (end > 0 && `${tag} ${size} ${mtime} ${ino}` === identity) return { cachedData: stored.subarray(end + 1), partial: made !== "complete" };
  } catch {
    // no cache yet
  }
  return { cachedData: undefined, partial: false };
}

/** Write a cache with its header, through a temp file and a rename. Best effort. */
function writeCodeCache(cacheFile, identity, complete, data) {
  try {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${identity} ${complete ? "complete" : "partial"}\n`), data]));
    fs.renameSync(temp, cacheFile);
  } catch {
    // read-only installation: run without a cache
  }
}

/** Identifies the exact file a cache was made from (a rebuild changes its mtime and usually its inode). */
function cacheIdentity(file) {
  const stat = fs.statSync(file, { bigint: true });
  return `tkc-v8cache ${stat.size} ${stat.mtimeNs} ${stat.ino}`;
}

module.exports = { loadWithCodeCache, flushCodeCaches, readSource, setV8Flags, cacheIdentity, readCodeCache, writeCodeCache };

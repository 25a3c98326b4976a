"use strict";
// A long-lived tkc process for test/support/cli-bridge.mjs: loads dist/tkc.cjs as bin/tkc.cjs
// does (through the code cache) and runs its `main` for each request, one at a time (the
// compiler keeps per-run state in module globals), in the request's working directory and
// environment, as a process of its own would have them; both are restored afterwards. Plain
// JavaScript: it starts without a TypeScript loader, as the binary does.
const { join } = require("node:path");
const { loadWithCodeCache, flushCodeCaches } = require("../../compiler/code-cache.cjs");

const { main } = loadWithCodeCache(join(__dirname, "..", "..", "dist", "tkc.cjs"));
// esbuild remembers the working directory it was first loaded in and starts its service there
// on every build; tkc loads it lazily, which in this host would be some run's temporary folder,
// gone by the next run (spawn ENOENT). Load it once here, in the host's own lasting folder, as
// a real tkc process, whose working directory never changes, effectively does.
require(require.resolve("esbuild", { paths: [join(__dirname, "..", "..", "dist")] }));

process.on("message", async ({ args, cwd, env }) => {
  const savedCwd = process.cwd();
  const savedEnv = { ...process.env };
  let stdout = "";
  let stderr = "";
  try {
    process.chdir(cwd);
    replaceEnv(env);
    const status = await main(args, {
      env: process.env,
      stdout: { write: (text) => void (stdout += text) },
      stderr: { write: (text) => void (stderr += text) },
    });
    process.send({ result: { status, stdout, stderr } });
  } catch (failure) {
    process.send({ failure: `tkc ${args.join(" ")} threw (the binary would exit 70): ${failure?.stack ?? failure}` });
  } finally {
    process.chdir(savedCwd);
    replaceEnv(savedEnv);
  }
});
// the test process is gone (or done): so is this one
process.on("disconnect", () => {
  flushCodeCaches();
  process.exit(0);
});

function replaceEnv(env) {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value;
}

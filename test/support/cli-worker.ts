import { runTkcInProcess } from "./cli.js";

// A long-lived tkc process for test/support/cli-pool.ts: runs `main` in-process for each request,
// one at a time (the compiler keeps per-run state in module globals: esbuild's service, the
// stdlib's origin hook), so runs never interleave.
process.on("message", async ({ id, args }: { id: number; args: string[] }) => {
  try {
    process.send!({ id, result: await runTkcInProcess(args) });
  } catch (failure) {
    process.send!({ id, failure: String((failure as Error)?.stack ?? failure) });
  }
});

import { runOnce } from "../bench/measure.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const peaks: number[] = [];
for (let i = 0; i < 6; i++) {
  const dir = mkdtempSync(join(tmpdir(), "peak-"));
  const r = await runOnce({ command: process.execPath, args: ["bin/tkc.cjs", "build", "bench/.work/n500/tkc", "--out", join(dir, "out")], cwd: process.cwd(), env: { ...process.env, TKC_CACHE_DIR: join(dir, "cache") } }, { sample: true });
  peaks.push(Math.round(r.treeRssKiB! / 1024));
}
console.log("tree peaks MiB", peaks.join(" "));

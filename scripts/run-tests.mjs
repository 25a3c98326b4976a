// Runs every test/**/*.test.ts with node's test runner (Node 20 has no glob for --test).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith(".test.ts")) files.push(relative(root, full));
  }
};
walk(join(root, "test"));
files.sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((p) => f.includes(p))) : files;
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...selected], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);

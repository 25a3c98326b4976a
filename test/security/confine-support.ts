import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir, type CliResult } from "../support/cli.js";

/** A value that must never appear in tkc's output: planted in files outside the project. */
export const SECRET = "tkc-confine-secret-7f3a9c";

/** Writes files (path -> text) under a folder; a value `{ link }` makes a symbolic link instead. */
export function writeFiles(root: string, files: Record<string, string | { link: string }>): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === "string") writeFileSync(full, content);
    else symlinkSync(content.link, full);
  }
  return root;
}

/** A temp folder holding `secret/` (files full of SECRET) and an empty `project/` beside it. */
export function sandboxWithSecret(): { root: string; project: string; secret: string } {
  const root = tempDir("tkc-confine-");
  const secret = writeFiles(join(root, "secret"), {
    "creds.txt": `TOKEN=${SECRET}\n`,
    "creds.json": JSON.stringify({ token: SECRET }),
    "env.ts": `export const token = "${SECRET}";\n${SECRET.replace(/-/g, "_")} is not TypeScript\n`,
  });
  const project = join(root, "project");
  mkdirSync(project);
  return { root, project, secret };
}

/** A valid root descriptor whose one service takes `value` (an expression) as an env variable. */
export function releaseUsing(imports: string, value: string): string {
  return `import { release, service } from "tkc";
${imports}
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  env: { VALUE: String(${value}) },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
`;
}

/** Neither stream holds the secret (nor its identifier form), and nothing was written. */
export function assertNoLeak(result: CliResult, project: string, assert: typeof import("node:assert/strict")): void {
  for (const form of [SECRET, SECRET.replace(/-/g, "_")]) {
    assert.ok(!result.stdout.includes(form), `stdout leaks the secret:\n${result.stdout}`);
    assert.ok(!result.stderr.includes(form), `stderr leaks the secret:\n${result.stderr}`);
  }
  assert.ok(!existsSync(join(project, "out")), "nothing is written");
}

import { escapeControl } from "../../diagnostics/escape.js";
import { isDns1123Label } from "../../../syntax/index.js";
import { appendFileSync, lstatSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { Argv } from "yargs";
import { editorTsconfig, installedInNodeModules } from "../../typecheck/editor-tsconfig.js";
import { CONFIG_FILE } from "../../load/project.js";
import { defaultKubeVersion } from "../../../schemas/index.js";
import { writeGeneratedFile } from "../write-generated.js";
import { EXIT, type Output } from "../output.js";

export interface InitArgs {
  dir: string;
  name?: string;
  force?: boolean;
}

export const initCommand = {
  command: "init [dir]",
  describe: "Scaffold a project: tkc.config.json, tsconfig.json (editor types), .gitignore, .gitattributes and a first descriptor",
  builder: (yargs: Argv) =>
    yargs
      .positional("dir", { type: "string", default: ".", describe: "directory to create the project in (default: the current one)" })
      .option("name", { type: "string", describe: "release name (default: the directory name)" })
      .option("force", { type: "boolean", default: false, describe: "overwrite existing files instead of keeping them" })
      .example("$0 init", "scaffold here, next to an existing package.json; existing files are kept")
      .example("$0 init my-app", "create my-app/ and build it at once with `tkc build my-app`"),
};

function toReleaseName(dir: string): string {
  const name = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return name.slice(0, 53).replace(/-+$/, "") || "app";
}

/**
 * Git's files the scaffold writes, or merges its lines into when they are there (a first
 * `git add -A` without them commits node_modules, or a Windows checkout changes the bundles'
 * bytes): per file, its comment, the lines it must hold, how a line already there counts as one
 * of them, and what a linked one is said to need.
 */
const GIT_FILES = {
  // out/ is not ignored: bundles and history are committed.
  ".gitignore": {
    comment: ["# out/ is committed on purpose: the rendered bundles are what reviewers and GitOps tools read,", "# and out/<release>/history/ is the release's revision history."],
    lines: ["node_modules/", ".tkc-cache/"],
    has: (line: string, wanted: string) => line === wanted || line === wanted.replace(/\/$/, ""),
    needs: "ignores",
  },
  // Bundles are hashed byte for byte: core.autocrlf (Git for Windows' default) checks them out with CRLF.
  ".gitattributes": {
    comment: ["# The bundles in out/ are hashed byte for byte: git must keep their line ends as written."],
    lines: ["out/** -text"],
    has: (line: string, wanted: string) => line.replace(/\s+/g, " ") === wanted,
    needs: "holds",
  },
} as const;

type GitFile = keyof typeof GIT_FILES;
const isGitFile = (file: string): file is GitFile => Object.hasOwn(GIT_FILES, file);

function gitFile(file: GitFile): string {
  return [...GIT_FILES[file].comment, ...GIT_FILES[file].lines, ""].join("\n");
}

/** Appends the lines `file` lacks; returns them. */
function mergeGitFile(path: string, file: GitFile): string[] {
  const { lines: wanted, has } = GIT_FILES[file];
  const text = readFileSync(path, "utf8");
  const present = text.split(/\r?\n/).map((line) => line.trim());
  const missing = wanted.filter((entry) => !present.some((line) => has(line, entry)));
  if (missing.length > 0) appendFileSync(path, (text === "" || text.endsWith("\n") ? "" : "\n") + missing.join("\n") + "\n");
  return missing;
}

export function runInit(args: InitArgs, output: Output): number {
  const dir = resolve(args.dir);
  // The name goes into the descriptor's source: it must be a release name, not code.
  if (args.name !== undefined && !isDns1123Label(args.name, 53)) {
    output.err(`error: --name ${JSON.stringify(escapeControl(args.name))} is not a release name: lowercase letters, digits and '-', at most 53 characters\n\nRun 'tkc init --help' for usage.`);
    return EXIT.usage;
  }
  const name = args.name ?? toReleaseName(dir);
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    [CONFIG_FILE]: JSON.stringify({ entry: "release.k8s.ts", kubeVersion: defaultKubeVersion, outDir: "out" }, null, 2) + "\n",
    "tsconfig.json": editorTsconfig(dir, defaultKubeVersion),
    ".gitignore": gitFile(".gitignore"),
    ".gitattributes": gitFile(".gitattributes"),
    "release.k8s.ts": releaseTemplate(name),
  };
  const created: string[] = [];
  const kept: string[] = [];
  const notes: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    const path = join(dir, file);
    // lstat, not exists: a dangling link counts as there, so nothing is created through it, and
    // a link is replaced (--force) rather than written through (see writeGeneratedFile).
    const present = lstatSync(path, { throwIfNoEntry: false });
    if (!present || args.force) {
      writeGeneratedFile(dir, file, content);
      created.push(file);
    } else if (isGitFile(file) && present.isSymbolicLink()) {
      notes.push(`left ${file} as it is (a symbolic link): make sure it ${GIT_FILES[file].needs} ${GIT_FILES[file].lines.join(" and ")}`);
    } else if (isGitFile(file)) {
      const added = mergeGitFile(path, file);
      if (added.length > 0) notes.push(`added ${added.join(", ")} to ${file}`);
      else kept.push(file);
    } else kept.push(file);
  }
  // The path is shown escaped, and quoted for a shell in the command to run next.
  const path = relative(process.cwd(), dir) || ".";
  const shown = escapeControl(path);
  const argument = /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
  if (created.length === 0 && notes.length === 0) {
    output.err(`error: ${kept.join(", ")} already exist in ${shown}: nothing to scaffold\n  hint: pass --force to overwrite them`);
    return EXIT.userError;
  }
  const lines = [];
  if (created.length > 0) lines.push(`created ${shown}/: ${created.join(", ")}`);
  lines.push(...notes);
  if (kept.length > 0) lines.push(`kept (already there): ${kept.join(", ")}${kept.includes("tsconfig.json") ? ' (descriptors need "moduleResolution": "bundler" or "nodenext" there)' : ""}`);
  lines.push(`next: ${installedInNodeModules(dir) ? "npx " : ""}tkc build${path === "." ? "" : ` ${escapeControl(argument)}`}`);
  output.out(lines.join("\n"));
  return EXIT.ok;
}

function releaseTemplate(name: string): string {
  return `import { input, perEnv, release, service } from "tkc";

// A build input: CI passes the tag it just built with \`tkc build --set imageTag=1.27.4\`
// (\`tkc inputs\` lists every input). Its value is recorded in each bundle's bundle.json.
const imageTag = input("imageTag", { type: "string", default: "1.27.3", description: "tag of the web image to deploy" });

// One service; add more components here or in their own .k8s.ts files and import them.
const web = service({
  name: "web",
  image: \`nginxinc/nginx-unprivileged:\${imageTag}\`,
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 3 }),
  resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
  readiness: { httpGet: { path: "/", port: "http" } },
  writablePaths: ["/tmp"],
});

export default release({
  name: "${name}",
  version: "0.1.0",
  environments: {
    dev: { namespace: "${name}-dev" },
    prod: { namespace: "${name}-prod" },
  },
  components: [web],
});
`;
}

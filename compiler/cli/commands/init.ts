import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import type { Argv } from "yargs";
import { descriptorCompilerOptions } from "../../typecheck/typecheck.js";
import { CONFIG_FILE } from "../../load/project.js";
import { textModulesDeclaration } from "../../paths.js";
import { defaultKubeVersion } from "../../../schemas/index.js";
import { EXIT, type Output } from "../output.js";

export interface InitArgs {
  dir: string;
  name?: string;
  force?: boolean;
}

export const initCommand = {
  command: "init [dir]",
  describe: "Scaffold a project: tkc.config.json, tsconfig.json (editor types) and a first descriptor",
  builder: (yargs: Argv) =>
    yargs
      .positional("dir", { type: "string", default: ".", describe: "directory to create the project in" })
      .option("name", { type: "string", describe: "release name (default: the directory name)" })
      .option("force", { type: "boolean", default: false, describe: "overwrite existing files" })
      .example("$0 init my-app", "create my-app/ and build it at once with `tkc build my-app`"),
};

function toReleaseName(dir: string): string {
  const name = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return name.slice(0, 53) || "app";
}

export function runInit(args: InitArgs, output: Output): number {
  const dir = resolve(args.dir);
  const name = args.name ?? toReleaseName(dir);
  mkdirSync(dir, { recursive: true });
  // Paths relative to the project, so the tsconfig works wherever the repository is cloned.
  const fromProject = (absolute: string) => relative(dir, absolute).split(sep).join("/");
  const tsconfig = {
    compilerOptions: descriptorCompilerOptions(defaultKubeVersion, fromProject),
    files: [fromProject(textModulesDeclaration())],
    include: ["**/*.ts"],
    exclude: ["out", "node_modules", ".tkc-cache"],
  };
  const files: Record<string, string> = {
    [CONFIG_FILE]: JSON.stringify({ entry: "release.k8s.ts", kubeVersion: defaultKubeVersion, outDir: "out" }, null, 2) + "\n",
    "tsconfig.json": JSON.stringify(tsconfig, null, 2) + "\n",
    ".gitignore": "out/\n.tkc-cache/\n",
    "release.k8s.ts": releaseTemplate(name),
  };
  const existing = Object.keys(files).filter((f) => existsSync(join(dir, f)));
  if (existing.length > 0 && !args.force) {
    output.err(`error: ${existing.join(", ")} already exist in ${relative(process.cwd(), dir) || "."}\n  hint: pass --force to overwrite them`);
    return EXIT.userError;
  }
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  const shown = relative(process.cwd(), dir) || ".";
  output.out(`created ${shown}/: ${Object.keys(files).join(", ")}\nnext: tkc build ${shown}`);
  return EXIT.ok;
}

function releaseTemplate(name: string): string {
  return `import { perEnv, release, service } from "tkc";

// One service; add more components here or in their own .k8s.ts files and import them.
const web = service({
  name: "web",
  image: "nginxinc/nginx-unprivileged:1.27.3",
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

import { relative, sep } from "node:path";
import { error, hasErrors, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { editorTsconfig } from "../typecheck/editor-tsconfig.js";
import { CONFIG_FILE } from "../load/project.js";
import { emitApp } from "./emit-app.js";
import { groupApplications, type Application } from "./group.js";
import { mapService } from "./map-service.js";
import { planObject, type ObjectPlan } from "./plan-objects.js";
import type { Manifest } from "./read-manifests.js";
import { ImportCode } from "./codes.js";
import { duplicateObjects } from "./duplicates.js";
import { isDns1123Label } from "../../syntax/index.js";

export interface ImportOptions {
  /** Release name (a DNS-1123 label). */
  readonly name: string;
  /** Environment name; default: the namespace. */
  readonly env?: string;
  readonly kubeVersion: string;
  readonly includeSecrets: boolean;
  /** Every object as raw(): no service() even where it would be exact. */
  readonly raw: boolean;
  /** Absolute output folder (for the tsconfig's relative paths). */
  readonly outDir: string;
}

/** What became of one application, for the report. */
export interface ImportedApp {
  readonly name: string;
  readonly file: string;
  readonly signals: readonly string[];
  readonly plans: readonly ObjectPlan[];
}

export interface ImportPlan {
  /** Project-relative path -> content. */
  readonly files: Map<string, string>;
  readonly apps: readonly ImportedApp[];
  readonly environment: { readonly name: string; readonly namespace: string };
  /** Objects that keep an explicit namespace other than the environment's. */
  readonly otherNamespaces: readonly Manifest[];
  readonly diagnostics: Diagnostic[];
}


/** The namespace most objects name (ties: alphabetical), else `default`. */
function mainNamespace(manifests: readonly Manifest[]): string {
  const counts = new Map<string, number>();
  for (const m of manifests) {
    const ns = m.object.metadata?.namespace;
    if (typeof ns === "string" && ns !== "") counts.set(ns, (counts.get(ns) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return sorted[0]?.[0] ?? "default";
}

/** `my app` -> `my-app.k8s.ts`, never the root file's name, never twice. */
function fileNameFor(app: string, taken: Set<string>): string {
  const base = app.toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "") || "app";
  let name = base === "release" ? "release-app" : base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return `${name}.k8s.ts`;
}

/**
 * Plans the project for a set of manifests (pure: the command writes the files). Objects are
 * grouped into applications, each planned as raw()/unchecked()/plainSecret() or left out (Secrets
 * with values), and the root release lists every application for one environment.
 */
export function planImportProject(manifests: readonly Manifest[], options: ImportOptions): ImportPlan {
  const diagnostics: Diagnostic[] = [];
  if (manifests.length === 0) {
    diagnostics.push(error(ImportCode.noObjects, "the input holds no Kubernetes objects", { hint: "give .yaml files or folders with manifests (kind, apiVersion, metadata.name)" }));
  }
  if (!isDns1123Label(options.name, 53)) {
    diagnostics.push(error(ImportCode.badName, `'${options.name}' is not a release name (a DNS-1123 label of at most 53 characters)`, { hint: "pass --name with lowercase letters, digits and '-'" }));
  }
  const namespace = mainNamespace(manifests);
  const envName = options.env ?? namespace;
  if (!/^[a-z][a-z0-9-]*$/.test(envName)) {
    diagnostics.push(error(ImportCode.badName, `'${envName}' is not an environment name`, { hint: "pass --env with lowercase letters, digits and '-', starting with a letter" }));
  }
  diagnostics.push(...duplicateObjects(manifests, namespace));
  const empty: ImportPlan = { files: new Map(), apps: [], environment: { name: envName, namespace }, otherNamespaces: [], diagnostics };
  if (hasErrors(diagnostics)) return empty;

  const taken = new Set<string>();
  const files = new Map<string, string>();
  const apps: ImportedApp[] = [];
  for (const app of groupApplications(manifests)) {
    const file = fileNameFor(app.name, taken);
    const planned = app.manifests.map((m) => planObject(m, { kubeVersion: options.kubeVersion, includeSecrets: options.includeSecrets, namespace }));
    const plans = options.raw ? planned : withServices(planned, options.name, namespace);
    const sources = [...new Set(app.manifests.map((m) => m.file))];
    files.set(file, emitApp(app.name, file, plans, sources).text);
    apps.push({ name: app.name, file, signals: [...app.signals], plans });
    for (const plan of plans) {
      if (plan.how === "secretLeftOut") {
        diagnostics.push(warning(ImportCode.secretLeftOut, `Secret '${plan.object.metadata.name}' holds values (${plan.keys.join(", ")}); it is not imported`, {
          location: { file: plan.manifest.file, line: plan.manifest.line, column: 1 },
          hint: `create it in namespace ${namespace} before installing (kubectl create secret ...), or pass --include-secrets to put its values in the bundle in plain text`,
        }));
      }
    }
  }
  const otherNamespaces = manifests.filter((m) => typeof m.object.metadata?.namespace === "string" && m.object.metadata.namespace !== namespace);
  files.set("release.k8s.ts", releaseSource(options.name, envName, namespace, apps));
  files.set(CONFIG_FILE, JSON.stringify({ entry: "release.k8s.ts", kubeVersion: options.kubeVersion, outDir: "out" }, null, 2) + "\n");
  files.set("tsconfig.json", editorTsconfig(options.outDir, options.kubeVersion));
  files.set(".gitignore", "out/\n.tkc-cache/\n");
  return { files, apps, environment: { name: envName, namespace }, otherNamespaces, diagnostics };
}

/** Each Deployment + Service pair that service() reproduces exactly becomes one service() plan. */
function withServices(plans: readonly ObjectPlan[], release: string, namespace: string): ObjectPlan[] {
  const out = [...plans];
  for (const deployment of plans) {
    if (deployment.how !== "raw" || deployment.object.kind !== "Deployment" || deployment.object.apiVersion !== "apps/v1" || deployment.droppedNulls) continue;
    const svc = out.find((p) => p.how === "raw" && p.object.kind === "Service" && p.object.apiVersion === "v1" && p.object.metadata.name === deployment.object.metadata.name && !p.droppedNulls);
    if (!svc) continue;
    const mapping = mapService(deployment.object, svc.object, release, namespace);
    if (!mapping) continue;
    out.splice(out.indexOf(deployment), 1, { how: "service", manifest: deployment.manifest, object: deployment.object, serviceManifest: svc.manifest, options: mapping.options });
    out.splice(out.indexOf(svc), 1);
  }
  return out;
}

function releaseSource(name: string, env: string, namespace: string, apps: readonly ImportedApp[]): string {
  const imports = apps.map((app) => `import ${importName(app)} from "./${app.file.replace(/\.ts$/, ".js")}";`);
  const envKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(env) ? env : JSON.stringify(env);
  return `${imports.join("\n")}
import { release } from "tkc";

export default release({
  name: ${JSON.stringify(name)},
  version: "0.1.0",
  environments: {
    // The imported manifests hold no Namespace object for ${namespace} unless they said so.
    ${envKey}: { namespace: ${JSON.stringify(namespace)}, createNamespace: false },
  },
  components: [${apps.map(importName).join(", ")}],
});
`;
}

function importName(app: ImportedApp): string {
  const base = app.file.replace(/\.k8s\.ts$/, "").split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = base.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("");
  return /^[A-Za-z_]/.test(name) && name !== "release" ? name : `app_${name}`;
}

export type { Application };

import { existsSync } from "node:fs";
import { counted } from "../../diagnostics/counted.js";
import { join, relative } from "node:path";
import type { Argv } from "yargs";
import { build } from "../../pipeline.js";
import { readPasswordStdin, resolveCredentials } from "../../oci/credentials.js";
import { OCI, OciError, ociDiagnostic } from "../../oci/errors.js";
import { bundleProvenance } from "../../oci/provenance.js";
import { pushBundle } from "../../oci/push.js";
import { formatReference, parseReference } from "../../oci/reference.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { environmentList, listOption, repeated } from "../lists.js";
import { named } from "../usage-error.js";

export interface PushArgs {
  bundle: string;
  reference: string;
  env?: string[];
  "kube-version"?: string;
  out?: string;
  tag?: string[];
  "plain-http": boolean;
  username?: string;
  "password-stdin": boolean;
  source?: string;
}

/** Options shared by push and pull: how to reach and log in to the registry. */
export function registryOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("plain-http", { type: "boolean", default: false, describe: "talk to the registry over HTTP without TLS (a local or in-cluster registry)" })
    .option("username", { alias: "u", type: "string", describe: "registry user (default: Docker's config.json auths, or $DOCKER_CONFIG/config.json)" })
    .option("password-stdin", { type: "boolean", default: false, describe: "read the password or token for --username from standard input" });
}

export const pushCommand = {
  command: "push <bundle> <reference>",
  describe: "Push a bundle to an OCI registry as an artifact Flux and Argo CD pull; prints its digest",
  builder: (yargs: Argv) =>
    registryOptions(
      yargs
        .positional("bundle", { type: "string", demandOption: true, describe: "an environment's bundle directory (out/<release>/<env>), or a project with --env to build first" })
        .positional("reference", { type: "string", demandOption: true, describe: "oci://HOST/REPOSITORY:TAG" })
        .option(...listOption("env", { alias: "e", type: "string", requiresArg: true, coerce: environmentList, describe: "build this environment of the project, then push its bundle" }))
        .option("kube-version", { type: "string", requiresArg: true, coerce: named("kube-version", "a version such as 1.36"), describe: "with --env: target Kubernetes version" })
        .option("out", { alias: "o", type: "string", requiresArg: true, coerce: named("out", "a folder"), describe: "with --env: output root of the build" })
        .option(...listOption("tag", { alias: "t", type: "string", requiresArg: true, coerce: repeated, describe: "more tags for the same artifact (repeatable)" }))
        .option("source", { type: "string", describe: "source URL annotation (default: git remote origin, without credentials)" }),
    )
      .example("$0 push out/shop/prod oci://ghcr.io/acme/shop-prod:2.4.0 --tag prod", "push the built prod bundle under two tags")
      .example("$0 push examples/shop --env prod oci://ghcr.io/acme/shop-prod:2.4.0", "build prod, then push it")
      .example("echo \"$TOKEN\" | $0 push out/shop/prod oci://registry.local:5000/shop:dev --plain-http -u ci --password-stdin", "log in from CI without TLS"),
};

async function bundleDirToPush(args: PushArgs, output: Output): Promise<string | number> {
  if (!args.env?.length) {
    if (existsSync(join(args.bundle, "bundle.json"))) return args.bundle;
    throw new OciError(OCI.badBundleDir, `${args.bundle} is not a bundle directory (it has no bundle.json)`, "push out/<release>/<env>, or pass --env ENV to build the project's environment and push it");
  }
  if (args.env.length !== 1) throw new OciError(OCI.badBundleDir, `push takes one environment, not ${args.env.length} (${args.env.join(", ")})`, "push each environment to its own reference");
  const report = await build({ target: args.bundle, environments: args.env, kubeVersion: args["kube-version"], outDir: args.out, layout: "files", write: true, log: (line) => output.err(line) });
  printDiagnostics(output, report.diagnostics, { sources: report.sources });
  if (!report.ok) return EXIT.userError;
  const built = report.environments[0]!;
  output.err(`built ${report.release}/${built.environment}: revision ${built.revision}, ${counted(built.objects, "object")} -> ${relative(process.cwd(), built.outDir) || "."}`);
  return built.outDir;
}

export async function runPush(args: PushArgs, output: Output): Promise<number> {
  try {
    const reference = parseReference(args.reference);
    const password = args["password-stdin"] ? await readPasswordStdin() : undefined;
    const credentials = resolveCredentials(reference.registry, { username: args.username, password });
    const bundleDir = await bundleDirToPush(args, output);
    if (typeof bundleDir === "number") return bundleDir;
    const result = await pushBundle({
      bundleDir,
      reference,
      extraTags: args.tag ?? [],
      plainHttp: args["plain-http"],
      credentials,
      provenance: (bundle) => bundleProvenance(bundleDir, bundle, { source: args.source }),
      log: (line) => output.err(line),
    });
    const { bundle, blobs } = result;
    output.err(`pushed ${bundle.release}/${bundle.environment} version ${bundle.version} (${counted(bundle.objects.length, "object")}, bundle ${bundle.digest.slice(0, 19)}…) as ${result.tags.map((t) => `:${t}`).join(", ")}; ${blobs.pushed} blobs uploaded, ${blobs.existing} already there`);
    output.out(formatReference(reference, { digest: result.digest }));
    return EXIT.ok;
  } catch (failure) {
    if (!(failure instanceof OciError)) throw failure;
    printDiagnostics(output, [ociDiagnostic(failure)]);
    return EXIT.userError;
  }
}

import { escapeLine } from "../../diagnostics/escape.js";
import { counted } from "../../diagnostics/counted.js";
import { relative } from "node:path";
import type { Argv } from "yargs";
import { readPasswordStdin, resolveCredentials } from "../../oci/credentials.js";
import { OciError, ociDiagnostic } from "../../oci/errors.js";
import { pullBundle } from "../../oci/pull.js";
import { formatReference, parseReference } from "../../oci/reference.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { registryOptions } from "./push.js";
import { named } from "../usage-error.js";

export interface PullArgs {
  reference: string;
  out: string;
  "plain-http": boolean;
  username?: string;
  "password-stdin": boolean;
}

export const pullCommand = {
  command: "pull <reference>",
  describe: "Pull a bundle that tkc push wrote, verify every digest, and write it atomically to --out",
  builder: (yargs: Argv) =>
    registryOptions(
      yargs
        .positional("reference", { type: "string", demandOption: true, describe: "oci://HOST/REPOSITORY:TAG or oci://HOST/REPOSITORY@sha256:DIGEST" })
        .option("out", { alias: "o", type: "string", requiresArg: true, coerce: named("out", "a folder"), demandOption: true, describe: "directory to write the bundle to (created, or replaced if it holds a bundle)" }),
    )
      .example("$0 pull oci://ghcr.io/acme/shop-prod:2.4.0 --out deploy/prod", "pull by tag")
      .example("$0 pull oci://ghcr.io/acme/shop-prod@sha256:3f1c… --out deploy/prod", "pull exactly the pinned digest"),
};

export async function runPull(args: PullArgs, output: Output): Promise<number> {
  try {
    const reference = parseReference(args.reference);
    const password = args["password-stdin"] ? await readPasswordStdin() : undefined;
    const credentials = resolveCredentials(reference.registry, { username: args.username, password });
    const result = await pullBundle({ reference, outDir: args.out, plainHttp: args["plain-http"], credentials, log: (line) => output.err(line) });
    const { bundle } = result;
    // The names come from the pulled bundle.json, which is anyone's: shown, never obeyed.
    output.out(escapeLine(`${bundle.release}/${bundle.environment} version ${bundle.version}: ${counted(bundle.objects.length, "object")}, bundle ${bundle.digest.slice(0, 19)}…, verified, from ${formatReference(reference, { digest: result.digest })} -> ${relative(process.cwd(), result.outDir) || "."}`));
    return EXIT.ok;
  } catch (failure) {
    if (!(failure instanceof OciError)) throw failure;
    printDiagnostics(output, [ociDiagnostic(failure)]);
    return EXIT.userError;
  }
}

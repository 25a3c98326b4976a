import { escapeLine } from "../../diagnostics/escape.js";
import type { Argv } from "yargs";
import { relative } from "node:path";
import { rollback } from "../../release/rollback.js";
import { currentBundleDir } from "../../release/layout.js";
import { releaseOptions, resolveOrReport, type ReleaseArgs } from "../release-args.js";
import { historyDiagnostic } from "../../release/diagnose.js";
import type { ObjectIdentity } from "../../emit/bundle-plan.js";
import { EXIT, printDiagnostics, shortDigest, type Output } from "../output.js";
import { keepProblem } from "../lists.js";

export interface RollbackArgs extends ReleaseArgs {
  to: number;
  keep?: number;
}

export const rollbackCommand = {
  command: "rollback [release]",
  describe: "Write a new revision whose objects are byte-identical to an earlier one (Helm semantics)",
  builder: (yargs: Argv) =>
    releaseOptions(yargs)
      .option("to", { type: "number", demandOption: true, describe: "revision to return to" })
      .option("keep", { type: "number", describe: "keep at most N revisions afterwards" })
      .example("$0 rollback shop --env prod --to 6", "prod's bundle becomes revision 6's objects again, as a new revision")
      .example("$0 rollback examples/shop --env prod --to 6", "the same, finding the history from the project")
      .example("$0 rollback --env prod --to 6", "the same, from inside the project"),
};

const name = (o: ObjectIdentity) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;

export async function runRollback(args: RollbackArgs, output: Output): Promise<number> {
  // yargs reads `--to abc` as NaN: it was reported as "no revision NaN".
  const badTo = !Number.isInteger(args.to) || args.to < 1 ? "--to must be a revision number (1, 2, ...)" : undefined;
  const badKeep = badTo ?? keepProblem(args.keep);
  if (badKeep) {
    output.err(`error: ${badKeep}\n\nRun 'tkc rollback --help' for usage.`);
    return EXIT.usage;
  }
  const target = resolveOrReport(args, output);
  if (!target) return EXIT.userError;
  let done;
  try {
    done = await rollback(target, args.env, args.to, args.keep);
  } catch (failure) {
    printDiagnostics(output, [historyDiagnostic(failure)]);
    return EXIT.userError;
  }
  if (!done.result) {
    printDiagnostics(output, [done.diagnostic!]);
    return EXIT.userError;
  }
  const { outcome, from, to, reverted } = done.result;
  const label = `${target.release}/${args.env}`;
  // Names and the version come from the history's files (a history may come from anyone's commit): shown escaped.
  output.out(escapeLine(`${label}: revision ${outcome.revision} rolls back revision ${from} to revision ${to} (version ${outcome.version}), ${shortDigest(outcome.manifest.digest)}`));
  const lines = [
    ...reverted.changed.map((o) => `  ~ ${name(o)}`),
    ...reverted.added.map((o) => `  + ${name(o)} (restored)`),
    ...reverted.removed.map((o) => `  - ${name(o)} (added after revision ${to}; delete it or apply with prune)`),
  ];
  output.out(lines.length > 0 ? `reverts:\n${lines.map(escapeLine).join("\n")}` : `reverts nothing: revision ${from} already had these objects`);
  output.out(`bundle: ${relative(process.cwd(), currentBundleDir(target.outRoot, target.release, args.env)) || "."}`);
  return EXIT.ok;
}

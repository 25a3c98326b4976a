import type { Argv } from "yargs";
import { currentBundleDir, historyDir } from "../../release/layout.js";
import { refuseLinks } from "../../release/output-path.js";
import { listRevisions, readRevision, type RevisionRecord } from "../../release/revision.js";
import { releaseOptions, resolveOrReport, type ReleaseArgs } from "../release-args.js";
import { verifyHistory } from "../../release/verify.js";
import { historyDiagnostic } from "../../release/diagnose.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { relative } from "node:path";

export interface HistoryArgs extends ReleaseArgs {
  verify?: boolean;
  format: "text" | "json";
}

export const historyCommand = {
  command: "history <release>",
  describe: "List the revisions of a release environment: version, date, digest, changes, source commit",
  builder: (yargs: Argv) =>
    releaseOptions(yargs)
      .option("verify", { type: "boolean", default: false, describe: "recompute every stored digest and report tampering" })
      .option("format", { choices: ["text", "json"] as const, default: "text" as const })
      .example("$0 history examples/shop --env prod", "revisions of shop/prod built from examples/shop")
      .example("$0 history shop --env prod --out deploy --verify", "check that no recorded revision was edited"),
};

function changes(record: RevisionRecord): string {
  return `+${record.changes.added} ~${record.changes.changed} -${record.changes.removed}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
}

export function runHistory(args: HistoryArgs, output: Output): number {
  const target = resolveOrReport(args, output);
  if (!target) return EXIT.userError;
  const { outRoot, release } = target;
  let dir: string;
  let current: string;
  try {
    dir = historyDir(outRoot, release, args.env);
    current = currentBundleDir(outRoot, release, args.env);
    refuseLinks(outRoot, dir);
    refuseLinks(outRoot, current);
  } catch (failure) {
    printDiagnostics(output, [historyDiagnostic(failure)]);
    return EXIT.userError;
  }
  const numbers = listRevisions(dir);
  if (numbers.length === 0) {
    output.err(`error: no revisions of ${release}/${args.env} under ${relative(process.cwd(), outRoot) || "."}\n  hint: build it first: tkc build <project> --env ${args.env}`);
    return EXIT.userError;
  }
  let records: RevisionRecord[];
  try {
    records = numbers.map((n) => readRevision(dir, n).record);
  } catch (failure) {
    printDiagnostics(output, [historyDiagnostic(failure)]);
    return EXIT.userError;
  }
  if (args.format === "json") output.out(JSON.stringify(records, null, 2));
  else {
    const rows = [["REVISION", "VERSION", "CREATED", "DIGEST", "CHANGES", "COMMIT", "NOTE"]];
    for (const r of records) {
      rows.push([String(r.revision), r.version, r.createdAt.replace("T", " "), r.digest.slice(0, 19), changes(r), r.sourceCommit ? r.sourceCommit.slice(0, 8) + (r.sourceCommit.endsWith("+dirty") ? "+" : "") : "-", [r.rollbackOf ? `rollback to ${r.rollbackOf}` : "", r.note ?? ""].filter(Boolean).join("; ")]);
    }
    output.out(`${release}/${args.env} (${relative(process.cwd(), dir) || dir})`);
    for (const line of table(rows)) output.out(line);
  }
  if (args.verify) {
    let verified;
    try {
      verified = verifyHistory(dir, current);
    } catch (failure) {
      printDiagnostics(output, [historyDiagnostic(failure)]);
      return EXIT.userError;
    }
    printDiagnostics(output, verified.diagnostics);
    if (verified.diagnostics.some((d) => d.severity === "error")) return EXIT.userError;
    output.err(`verified ${verified.revisions} revisions and the current bundle: every file matches`);
  }
  return EXIT.ok;
}

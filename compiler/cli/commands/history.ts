import type { Argv } from "yargs";
import { currentBundleDir, historyDir } from "../../release/layout.js";
import { refuseLinks } from "../../release/output-path.js";
import { HistoryError, listRevisions, readRevision, type RevisionRecord } from "../../release/revision.js";
import { environmentList, releaseOptions, resolveOrReport, type ReleaseArgs } from "../release-args.js";
import { verifyHistory } from "../../release/verify.js";
import { historyDiagnostic } from "../../release/diagnose.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { existsSync, readdirSync } from "node:fs";
import { escapeControl } from "../../diagnostics/escape.js";
import { join, relative } from "node:path";

export interface HistoryArgs extends Omit<ReleaseArgs, "env"> {
  env?: string | string[];
  verify?: boolean;
  format: "text" | "json";
}

export const historyCommand = {
  command: "history [release]",
  describe: "List the revisions of a release's environments: version, date, digest, changes, source commit",
  builder: (yargs: Argv) =>
    releaseOptions(yargs, { required: false, list: true, describe: "environment(s), comma-separated (default: every environment with a history)" })
      .option("verify", { type: "boolean", default: false, describe: "recompute every stored digest and report tampering" })
      .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "json: the revision records (an object keyed by environment when --env is not one name)" })
      .example("$0 history examples/shop --env prod", "revisions of shop/prod built from examples/shop")
      .example("$0 history", "every environment of the project in (or above) the current directory")
      .example("$0 history shop --env prod --out deploy --verify", "check that no recorded revision was edited"),
};

function changes(record: RevisionRecord): string {
  return `+${record.changes.added} ~${record.changes.changed} -${record.changes.removed}`;
}

/** Columns padded to their widest cell; the cells come from revision files, so they are shown escaped. */
function table(cells: string[][]): string[] {
  const rows = cells.map((row) => row.map(escapeControl));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
}

/** The environments that have a history under the release, in name order. */
function recordedEnvironments(outRoot: string, release: string): string[] {
  const dir = join(outRoot, release, "history");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort();
}

export function runHistory(args: HistoryArgs, output: Output): number {
  const target = resolveOrReport(args, output);
  if (!target) return EXIT.userError;
  const { outRoot, release } = target;
  const named = environmentList(args.env);
  const environments = named ?? recordedEnvironments(outRoot, release);
  const where = relative(process.cwd(), outRoot) || ".";
  if (environments.length === 0) {
    output.err(`error: no revisions of ${release} under ${where}\n  hint: build it first: tkc build <project>`);
    return EXIT.userError;
  }
  const listed: { environment: string; dir: string; current: string; records: RevisionRecord[] }[] = [];
  for (const environment of environments) {
    let dir: string;
    let current: string;
    try {
      dir = historyDir(outRoot, release, environment);
      current = currentBundleDir(outRoot, release, environment);
      refuseLinks(outRoot, dir);
      refuseLinks(outRoot, current);
    } catch (failure) {
      printDiagnostics(output, [historyDiagnostic(failure)]);
      return EXIT.userError;
    }
    const numbers = listRevisions(dir);
    if (numbers.length === 0) {
      output.err(`error: no revisions of ${release}/${environment} under ${where}\n  hint: build it first: tkc build <project> --env ${environment}`);
      return EXIT.userError;
    }
    try {
      listed.push({ environment, dir, current, records: numbers.map((n) => readRevision(dir, n).record) });
    } catch (failure) {
      if (!(failure instanceof HistoryError)) throw failure;
      printDiagnostics(output, [historyDiagnostic(failure)]);
      return EXIT.userError;
    }
  }
  if (args.format === "json") {
    // One named environment keeps the plain array of records; otherwise keyed by environment.
    output.out(JSON.stringify(named?.length === 1 ? listed[0]!.records : Object.fromEntries(listed.map((l) => [l.environment, l.records])), null, 2));
  } else {
    listed.forEach(({ environment, dir, records }, i) => {
      const rows = [["REVISION", "VERSION", "CREATED", "DIGEST", "CHANGES", "COMMIT", "NOTE"]];
      for (const r of records) {
        rows.push([String(r.revision), r.version, r.createdAt.replace("T", " "), r.digest.slice(0, 19), changes(r), r.sourceCommit ? r.sourceCommit.slice(0, 8) + (r.sourceCommit.endsWith("+dirty") ? "+" : "") : "-", [r.rollbackOf ? `rollback to ${r.rollbackOf}` : "", r.note ?? ""].filter(Boolean).join("; ")]);
      }
      if (i > 0) output.out("");
      output.out(escapeControl(`${release}/${environment} (${relative(process.cwd(), dir) || dir})`));
      for (const line of table(rows)) output.out(line);
    });
  }
  if (args.verify) {
    let revisions = 0;
    for (const { dir, current } of listed) {
      let verified;
      try {
        verified = verifyHistory(dir, current);
      } catch (failure) {
        printDiagnostics(output, [historyDiagnostic(failure)]);
        return EXIT.userError;
      }
      printDiagnostics(output, verified.diagnostics);
      if (verified.diagnostics.some((d) => d.severity === "error")) return EXIT.userError;
      revisions += verified.revisions;
    }
    output.err(`verified ${revisions} revisions and the current bundle${listed.length > 1 ? "s" : ""}: every file matches`);
  }
  return EXIT.ok;
}

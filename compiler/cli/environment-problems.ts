import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { limitSettingProblems } from "../evaluate/limit-settings.js";
import { sourceDateEpoch } from "../release/source-date-epoch.js";
import { tempFolderProblem } from "./temp-folder.js";

/** The commands that stamp a time: a revision's createdAt, an artifact's created. */
const STAMPING = new Set(["build", "rollback", "push"]);

/**
 * What is wrong with the settings the environment gives a command, reported before any work
 * rather than replaced unsaid: the evaluation limits and TMPDIR for every command, and
 * SOURCE_DATE_EPOCH for the commands that stamp a time. One list for the full CLI and for the
 * warm front, which leaves a run with a problem to the full CLI.
 */
export function environmentProblems(env: Readonly<Record<string, string | undefined>>, command: string | undefined): Diagnostic[] {
  const problems = [...limitSettingProblems(env), tempFolderProblem(env)];
  if (command !== undefined && STAMPING.has(command)) problems.push(sourceDateEpoch(env).problem);
  return problems.filter((problem): problem is Diagnostic => problem !== undefined);
}

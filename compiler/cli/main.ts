import yargs from "yargs";
import { buildCommand, runBuild, type BuildArgs } from "./commands/build.js";
import { checkCommand, runCheck } from "./commands/check.js";
import { validateCommand, runValidate, type ValidateArgs } from "./commands/validate.js";
import { initCommand, runInit, type InitArgs } from "./commands/init.js";
import { importCommand, runImport, type ImportArgs } from "./commands/import.js";
import { historyCommand, runHistory, type HistoryArgs } from "./commands/history.js";
import { rollbackCommand, runRollback, type RollbackArgs } from "./commands/rollback.js";
import { diffCommand, runDiff, type DiffArgs } from "./commands/diff.js";
import { cliOutput, EXIT, processIo, type CliIo } from "./output.js";
import { tkcVersion } from "../paths.js";

/**
 * The tkc command line. Returns the exit code: 0 ok, 1 user errors (diagnostics printed),
 * 2 usage errors, 70 internal errors (a tkc bug: the only case that prints a stack).
 * It never exits the process (bin/tkc.cjs sets the exit code), so it can also run in-process.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const output = cliOutput(io);
  let code: number = EXIT.ok;
  const cli = yargs([...argv])
    .scriptName("tkc")
    .usage("$0 <command> [options]\n\nTyped Kubernetes configuration: .k8s.ts descriptors to validated, deterministic release bundles.")
    .command({ ...buildCommand, handler: async (args) => void (code = await runBuild(args as unknown as BuildArgs, output)) })
    .command({ ...checkCommand, handler: async (args) => void (code = await runCheck(args as unknown as BuildArgs, output)) })
    .command({ ...validateCommand, handler: (args) => void (code = runValidate(args as unknown as ValidateArgs, output)) })
    .command({ ...initCommand, handler: (args) => void (code = runInit(args as unknown as InitArgs, output)) })
    .command({ ...importCommand, handler: (args) => void (code = runImport(args as unknown as ImportArgs, output)) })
    .command({ ...historyCommand, handler: (args) => void (code = runHistory(args as unknown as HistoryArgs, output)) })
    .command({ ...rollbackCommand, handler: async (args) => void (code = await runRollback(args as unknown as RollbackArgs, output)) })
    .command({ ...diffCommand, handler: async (args) => void (code = await runDiff(args as unknown as DiffArgs, output)) })
    .demandCommand(1, "name a command: init, build, check, validate, history, rollback or diff")
    .strict()
    .recommendCommands()
    .version(tkcVersion())
    .help()
    .alias("h", "help")
    .wrap(Math.min(110, io.stdout.columns || 100))
    .fail((message, failure) => {
      if (failure) throw failure;
      // Throwing stops yargs from running the command handler with the invalid arguments.
      throw new UsageError(message);
    })
    .exitProcess(false);
  try {
    // with a callback, yargs hands over --help and --version text instead of printing it itself
    await cli.parseAsync([...argv], {}, (_error, _args, text) => {
      if (text) io.stdout.write(text + "\n");
    });
  } catch (failure) {
    if (failure instanceof UsageError) {
      output.err(`${failure.message}\n\nRun 'tkc --help' for usage.`);
      return EXIT.usage;
    }
    output.err(`tkc: internal error (this is a bug in tkc, please report it):\n${(failure as Error)?.stack ?? String(failure)}`);
    return EXIT.internal;
  }
  return code;
}

class UsageError extends Error {}

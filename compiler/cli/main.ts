import { lastOfRepeats } from "./lists.js";
import { strictBooleans } from "./booleans.js";
import { withPeerHint } from "./peer-habits.js";
import yargs from "yargs";
import { buildCommand, runBuild, type BuildArgs } from "./commands/build.js";
import { checkCommand, runCheck } from "./commands/check.js";
import { validateCommand, runValidate, type ValidateArgs } from "./commands/validate.js";
import { STDIN_NAME } from "../load/yaml/inputs.js";
import { initCommand, runInit, type InitArgs } from "./commands/init.js";
import { importCommand, runImport, type ImportArgs } from "./commands/import.js";
import { historyCommand, runHistory, type HistoryArgs } from "./commands/history.js";
import { rollbackCommand, runRollback, type RollbackArgs } from "./commands/rollback.js";
import { diffCommand, runDiff, type DiffArgs } from "./commands/diff.js";
import { inputsCommand, runInputs, type InputsArgs } from "./commands/inputs.js";
import { explainCommand, runExplain, type ExplainArgs } from "./commands/explain.js";
import { completionCommand, runCompletion, type CompletionArgs } from "./commands/completion.js";
import { pushCommand, runPush, type PushArgs } from "./commands/push.js";
import { pullCommand, runPull, type PullArgs } from "./commands/pull.js";
import { cliOutput, EXIT, printDiagnostics, processIo, type CliIo } from "./output.js";
import { unwritableDiagnostic } from "../diagnostics/unwritable.js";
import { tkcVersion } from "../paths.js";
import { UsageError } from "./usage-error.js";
import { environmentProblems } from "./environment-problems.js";
import { UnsafeOutput } from "../release/output-path.js";
import { historyDiagnostic } from "../release/diagnose.js";

/**
 * The tkc command line. Returns the exit code: 0 ok, 1 user errors (diagnostics printed),
 * 2 usage errors, 70 internal errors (a tkc bug: the only case that prints a stack).
 * It never exits the process (bin/tkc.cjs sets the exit code), so it can also run in-process.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const output = cliOutput(io);
  let code: number = EXIT.ok;
  // The environment's settings (evaluation limits, TMPDIR, SOURCE_DATE_EPOCH for the commands
  // that stamp a time) are checked before any work, rather than replaced unsaid.
  const problems = environmentProblems(io.env, argv[0]);
  if (problems.length > 0 && !argv.some((arg) => arg === "--help" || arg === "-h" || arg === "--version")) {
    printDiagnostics(output, problems);
    return EXIT.userError;
  }
  const commands = [
    { ...initCommand, handler: (args: unknown) => void (code = runInit(args as InitArgs, output)) },
    { ...buildCommand, handler: async (args: unknown) => void (code = await runBuild(args as BuildArgs, output)) },
    { ...checkCommand, handler: async (args: unknown) => void (code = await runCheck(args as BuildArgs, output)) },
    { ...validateCommand, handler: (args: unknown) => void (code = runValidate(args as ValidateArgs, output)) },
    { ...historyCommand, handler: (args: unknown) => void (code = runHistory(args as HistoryArgs, output)) },
    { ...rollbackCommand, handler: async (args: unknown) => void (code = await runRollback(args as RollbackArgs, output)) },
    { ...diffCommand, handler: async (args: unknown) => void (code = await runDiff(args as DiffArgs, output)) },
    { ...pushCommand, handler: async (args: unknown) => void (code = await runPush(args as PushArgs, output)) },
    { ...pullCommand, handler: async (args: unknown) => void (code = await runPull(args as PullArgs, output)) },
    { ...importCommand, handler: (args: unknown) => void (code = runImport(args as ImportArgs, output)) },
    { ...inputsCommand, handler: async (args: unknown) => void (code = await runInputs(args as InputsArgs, output)) },
    { ...explainCommand, handler: (args: unknown) => void (code = runExplain(args as ExplainArgs, output)) },
    { ...completionCommand, handler: (args: unknown) => void (code = runCompletion(args as CompletionArgs, output)) },
  ];
  const names = commands.map((c) => c.command.split(" ")[0]!);
  // yargs drops a lone "-" from positionals; `tkc validate -` means standard input
  // ... and `--out -` of build means standard output: passed as `--out=-`, which yargs keeps.
  const args = argv[0] === "validate" ? argv.map((a) => (a === "-" ? STDIN_NAME : a)) : argv[0] === "build" ? outToStdout(argv) : [...argv];
  let cli = yargs(args)
    .scriptName("tkc")
    .usage(`$0 <${names.join("|")}> [options]\n\nTyped Kubernetes configuration: .k8s.ts descriptors to validated, deterministic release bundles.`);
  for (const command of commands) cli = cli.command(command as never);
  cli = cli
    .middleware(lastOfRepeats, true)
    .middleware(strictBooleans(args), true)
    .demandCommand(1, `name a command: ${names.join(", ")}`)
    // Answers `tkc --get-yargs-completions ...` for the scripts of `tkc completion`; hidden.
    .completion("__yargs-completion-script", false)
    .strict()
    .recommendCommands()
    .version(tkcVersion())
    .help()
    .alias("h", "help")
    .wrap(Math.min(110, io.stdout.columns || 100))
    .fail((message, failure) => {
      // yargs' own parse errors (`--env` with nothing after it) are usage errors too, not bugs.
      if (failure && !(failure instanceof UsageError) && failure.name !== "YError") throw failure;
      // Throwing stops yargs from running the command handler with the invalid arguments.
      throw failure instanceof UsageError ? failure : new UsageError(withPeerHint(message || failure?.message || "invalid arguments", args, names));
    })
    .exitProcess(false);
  try {
    // with a callback, yargs hands over --help and --version text instead of printing it itself
    await cli.parseAsync(args, {}, (_error, _args, text) => {
      if (text) io.stdout.write(text + "\n");
    });
  } catch (failure) {
    if (failure instanceof UsageError) {
      output.err(`${failure.message}\n\nRun 'tkc --help' for usage.`);
      return EXIT.usage;
    }
    // A place that cannot be written (a file in the way, no permission, a full disk) is not a bug.
    const unwritable = failure instanceof UnsafeOutput ? historyDiagnostic(failure) : unwritableDiagnostic(failure, io.env);
    if (unwritable) {
      printDiagnostics(output, [unwritable]);
      return EXIT.userError;
    }
    output.err(`tkc: internal error (this is a bug in tkc, please report it):\n${(failure as Error)?.stack ?? String(failure)}`);
    return EXIT.internal;
  }
  return code;
}

function outToStdout(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === "--out" || argv[i] === "-o") && argv[i + 1] === "-") {
      args.push("--out=-");
      i++;
    } else args.push(argv[i]!);
  }
  return args;
}

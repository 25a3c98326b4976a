import { escapeLine } from "../../diagnostics/escape.js";
import { relative } from "node:path";
import type { Argv } from "yargs";
import { listInputs } from "../../inputs/list.js";
import { typeName, type InputType } from "../../../stdlib/core/input.js";
import { descriptorLogLines } from "../descriptor-log.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";

export interface InputsArgs {
  project: string;
  format: "text" | "json";
}

export const inputsCommand = {
  command: "inputs [project]",
  describe: "List the build inputs the descriptors declare: name, type, default, description, where declared",
  builder: (yargs: Argv) =>
    yargs
      .positional("project", { type: "string", default: ".", describe: "project directory (or a folder inside it) or root descriptor" })
      .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "text for people, json for tools" })
      .example("$0 inputs examples/shop", "what `--set` and `--values` can give this project")
      .example("$0 inputs . --format json", "the same as JSON"),
};

export async function runInputs(args: InputsArgs, output: Output): Promise<number> {
  const listed = await listInputs(args.project, (line) => descriptorLogLines(line).forEach((l) => output.err(l)));
  printDiagnostics(output, listed.diagnostics, { sources: listed.sources });
  if (!listed.inputs) return EXIT.userError;
  const where = (input: (typeof listed.inputs)[number]) => (input.location ? `${relative(listed.projectDir!, input.location.file).split("\\").join("/")}:${input.location.line}:${input.location.column}` : "");
  if (args.format === "json") {
    const data = listed.inputs.map((input) => ({
      name: input.name,
      type: typeName(input.type as InputType),
      default: input.default,
      ...(input.description !== undefined ? { description: input.description } : {}),
      perEnvironment: input.perEnvironment,
      declared: where(input),
    }));
    output.out(JSON.stringify(data, null, 2));
    return EXIT.ok;
  }
  if (listed.inputs.length === 0) {
    output.out('no inputs declared (declare one with input("name", { type, default, description }) from "tkc")');
    return EXIT.ok;
  }
  for (const input of listed.inputs) {
    const perEnv = input.perEnvironment ? " (per environment)" : "";
    // A description or an enum member is the project's text: shown on its line, never obeyed
    // (a newline then `::error::`, or `::error::` at the start, would be a CI annotation).
    output.out(escapeLine(`${input.name}: ${typeName(input.type as InputType)} = ${JSON.stringify(input.default)}${perEnv}`));
    if (input.description) output.out(escapeLine(`  ${input.description}`));
    output.out(`  declared at ${where(input)}`);
  }
  return EXIT.ok;
}

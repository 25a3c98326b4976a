import type { Argv } from "yargs";
import { EXIT, type Output } from "../output.js";

export type Shell = "bash" | "zsh";

export interface CompletionArgs {
  shell: Shell;
}

export const completionCommand = {
  command: "completion <shell>",
  describe: "Print a shell completion script (commands, options, choices)",
  builder: (yargs: Argv) =>
    yargs
      .positional("shell", { choices: ["bash", "zsh"] as const, describe: "the shell to complete in" })
      .example("$0 completion bash >> ~/.bashrc", "complete tkc's commands and options in bash")
      .example("$0 completion zsh > \"${fpath[1]}/_tkc\"", "install as a zsh completion function"),
};

// Both scripts ask tkc itself (`tkc --get-yargs-completions <words>`, answered by yargs) for the
// candidates of the word being completed. yargs picks its reply format from the shell it sees,
// so each script names its shell explicitly; with nothing to offer, the shell completes file names.
const scripts: Record<Shell, string> = {
  bash: `# tkc completion for bash: source this file, or append it to ~/.bashrc
_tkc_complete() {
  local word="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$(SHELL=/bin/bash tkc --get-yargs-completions "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "$word"))
}
complete -o bashdefault -o default -F _tkc_complete tkc
`,
  zsh: `#compdef tkc
# tkc completion for zsh: put this file on $fpath as _tkc, or source it after compinit
_tkc() {
  local -a candidates
  candidates=("\${(@f)$(ZSH_NAME=zsh tkc --get-yargs-completions "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if (( \${#candidates[@]} )) && [[ -n "\${candidates[1]}" ]]; then
    _describe 'tkc' candidates
  else
    _files
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _tkc "$@"
else
  compdef _tkc tkc
fi
`,
};

export function runCompletion(args: CompletionArgs, output: Output): number {
  output.out(scripts[args.shell].trimEnd());
  return EXIT.ok;
}

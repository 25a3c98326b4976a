/**
 * What a user of Helm, cdk8s or Tanka types first, and tkc's way to do it: the line added to
 * yargs' "Unknown argument" report, which named the word and nothing else (`tkc template .` said
 * "Unknown arguments: template, .").
 */
const APPLIES_NOTHING = "tkc writes bundles and applies nothing: `tkc build`, then `kubectl apply -k out/RELEASE/ENV` (or let Argo CD or Flux apply it)";
const NAMESPACE = "each environment's namespace is set in the release: `environments: { prod: { namespace: \"shop\" } }`";
const HISTORY = "`tkc history` lists each environment's revisions";

const COMMANDS: Readonly<Record<string, string>> = {
  template: "`tkc build --env ENV --out -` prints an environment's objects, as helm template does (`--show-only KIND/NAME` for one)",
  install: APPLIES_NOTHING,
  upgrade: APPLIES_NOTHING,
  uninstall: "tkc applies nothing, so it removes nothing: `kubectl delete -k out/RELEASE/ENV`",
  lint: "`tkc check` runs every check of a build and writes nothing",
  package: "`tkc push` publishes an environment's bundle to an OCI registry",
  status: HISTORY,
  list: HISTORY,
  // cdk8s
  synth: "`tkc build` writes each environment's bundle, as cdk8s synth writes dist/",
  // Tanka (tk show, tk export, tk apply) and kubectl
  show: "`tkc build --env ENV --out -` prints an environment's objects, as tk show does",
  export: "`tkc build --out DIR` writes every environment's bundle under DIR, as tk export does",
  apply: APPLIES_NOTHING,
};

const OPTIONS: Readonly<Record<string, string>> = {
  "dry-run": "`tkc check` runs every check and writes nothing; `tkc build --out -` prints the objects",
  namespace: NAMESPACE,
  n: NAMESPACE,
  "set-string": "`--set` reads each value by its input's declared type: a string input keeps `--set tag=1.10` as the text \"1.10\"",
  "set-file": "import the file in a descriptor (`import text from \"./file.txt\"`), or pass its text to a string input with --set",
  "create-namespace": "the bundle holds each environment's Namespace object already",
  wait: "tkc applies nothing, so it waits for nothing: `kubectl apply -k out/RELEASE/ENV` then `kubectl rollout status`",
  atomic: "tkc applies nothing: a bundle is written whole or not at all, and `tkc rollback` restores an earlier revision",
};

/** yargs' usage message, with the tkc way for another tool's command (not one of tkc's `commands`) or option it names, if there is one. */
export function withPeerHint(message: string, argv: readonly string[], commands: readonly string[]): string {
  const first = argv[0];
  const command = first !== undefined && !commands.includes(first) && Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  // whatever yargs said: "Unknown argument", or a near name ("Did you mean init?" for lint)
  if (command) return `Unknown command: ${first}\n  hint: tkc has no '${first}' command; ${command}`;
  if (!/^Unknown arguments?: /.test(message)) return message;
  const option = argv.map(optionName).find((name) => name !== undefined && Object.hasOwn(OPTIONS, name));
  return option ? `${message}\n  hint: tkc has no --${option === "n" ? "namespace (-n)" : option} option; ${OPTIONS[option]}` : message;
}

/** The name of `--name`, `--name=value` or `-n`; undefined for anything else. */
function optionName(arg: string): string | undefined {
  const long = /^--([^=]+)/.exec(arg);
  if (long) return long[1];
  return /^-[a-zA-Z]$/.test(arg) ? arg.slice(1) : undefined;
}

import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../validate/schema/suggest.js";
import type { SourceLocation } from "../model/source.js";
import type { SuppliedValue } from "../../stdlib/core/input.js";
import type { EvaluatedInput } from "../model/evaluation.js";

export interface InputsOutcome {
  readonly declaredInputs: readonly EvaluatedInput[];
  readonly inputProblems: readonly { readonly name: string; readonly message: string; readonly hint: string; readonly location?: SourceLocation }[];
  readonly usedInputs: readonly number[];
}

/**
 * Every mistake in the supplied values, at once: a value that does not fit its declared type
 * (TKC2041, at the declaration), a name no descriptor declares (TKC1030, with the closest
 * declared name), an environment the release does not have (TKC1032).
 */
export function checkSuppliedValues(supplied: readonly SuppliedValue[], outcome: InputsOutcome, environments: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = outcome.inputProblems.map((p) => error("TKC2041", p.message, { ...(p.location ? { location: p.location } : {}), hint: p.hint }));
  const used = new Set(outcome.usedInputs);
  const names = outcome.declaredInputs.map((d) => d.name);
  const declaredList = names.length > 0 ? `declared inputs: ${names.join(", ")} (tkc inputs lists them)` : "the descriptors declare no inputs: declare one with input(name, { type, default })";
  supplied.forEach((value, index) => {
    const [environment, name] = environmentAndName(value, used.has(index) ? names.filter((n) => value.from === "set" && value.key.startsWith(n + ".")).length === 0 : environments.includes(String(value.from === "set" ? value.key.split(".")[0] : "")));
    if (environment !== undefined && !environments.includes(environment) && used.has(index)) {
      const close = didYouMean(environment, environments);
      diagnostics.push(error("TKC1032", `${where(value)} sets input '${name}' for environment '${environment}', which the release does not have`, { hint: close ? `did you mean '${close}'? environments: ${environments.join(", ")}` : `environments: ${environments.join(", ")}` }));
    }
    if (used.has(index)) return;
    const close = didYouMean(name, names);
    diagnostics.push(error("TKC1030", `${where(value)} names input '${name}', which no descriptor declares`, { hint: close ? `did you mean '${close}'? ${declaredList}` : declaredList }));
  });
  return diagnostics;
}

/** The environment (if any) and the input name a supplied value is for, as the user wrote them. */
function environmentAndName(value: SuppliedValue, firstIsEnvironment: boolean): [string | undefined, string] {
  if (value.from === "values") return [value.environment, value.name];
  const parts = value.key.split(".");
  // NAME, NAME.FIELD, ENV.NAME or ENV.NAME.FIELD.
  if (parts.length === 3 || (parts.length === 2 && firstIsEnvironment)) return [parts[0], parts[1]!];
  return [undefined, parts[0]!];
}

function where(value: SuppliedValue): string {
  return value.from === "set" ? `--set ${value.key}` : value.environment !== undefined ? `values file ${value.file} (environments.${value.environment})` : `values file ${value.file}`;
}

/** An input as bundle.json records it: the value this environment's build used, and where it came from. */
export interface RecordedInput {
  readonly value: unknown;
  readonly source: "default" | "--set" | "--values";
}

/** Every declared input's value for one environment, by name in code-point order (undefined when none is declared). */
export function recordedInputs(declared: readonly EvaluatedInput[], environment: string): Record<string, RecordedInput> | undefined {
  if (declared.length === 0) return undefined;
  const out: Record<string, RecordedInput> = {};
  for (const input of [...declared].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const chosen = input.environments[environment] ?? { value: input.value, source: input.source };
    out[input.name] = { value: chosen.value, source: chosen.source };
  }
  return out;
}

import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../validate/schema/suggest.js";
import type { EnvironmentReport } from "../model/build.js";
import type { BundleObjectEntry } from "../emit/bundle-plan.js";

/** `KIND/NAME` as `--show-only` takes it and as the error lists the choices. */
export function objectSelector(entry: Pick<BundleObjectEntry, "kind" | "name">): string {
  return `${entry.kind}/${entry.name}`;
}

/** A `--show-only` value is KIND/NAME: a kind (any case) and a name, both non-empty. */
export function parseSelector(text: string): { kind: string; name: string } | undefined {
  const slash = text.indexOf("/");
  if (slash <= 0 || slash === text.length - 1 || text.indexOf("/", slash + 1) >= 0) return undefined;
  return { kind: text.slice(0, slash), name: text.slice(slash + 1) };
}

const matches = (entry: BundleObjectEntry, selector: { kind: string; name: string }) =>
  entry.kind.toLowerCase() === selector.kind.toLowerCase() && entry.name === selector.name;

/**
 * One YAML stream of an environment's objects in install order, `---` before each document: the
 * bytes `--layout stream` writes to manifests.yaml. With selectors, only the objects they name
 * (in install order still); a selector that names no object is an error listing what there is.
 */
export function objectStream(built: EnvironmentReport, selectors: readonly string[]): { stream: string } | { diagnostics: Diagnostic[] } {
  const files = built.files;
  if (!files) throw new Error("internal: --out - needs the bundle's files in memory (a checked build)");
  const entries = built.manifest.objects;
  const diagnostics: Diagnostic[] = [];
  const parsed = selectors.map((text) => ({ text, selector: parseSelector(text)! }));
  for (const { text, selector } of parsed) {
    if (entries.some((e) => matches(e, selector))) continue;
    const choices = entries.map(objectSelector);
    const suggestion = didYouMean(text, choices);
    diagnostics.push(error("TKC1006", `--show-only ${text} selects no object of ${built.manifest.release}/${built.environment}`, {
      hint: suggestion ? `did you mean ${suggestion}?` : `objects are named KIND/NAME: ${choices.slice(0, 8).join(", ")}${choices.length > 8 ? ", ..." : ""}`,
    }));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const chosen = parsed.length === 0 ? entries : entries.filter((e) => parsed.some(({ selector }) => matches(e, selector)));
  return { stream: chosen.map((e) => `---\n${documentOf(files, e)}`).join("") };
}

function documentOf(files: ReadonlyMap<string, string>, entry: BundleObjectEntry): string {
  const text = files.get(entry.file);
  if (text === undefined) throw new Error(`internal: bundle file ${entry.file} of ${objectSelector(entry)} is not in the plan`);
  return text;
}

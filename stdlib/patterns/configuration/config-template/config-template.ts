import Handlebars from "handlebars";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type Pattern } from "../../../core/pattern.js";
import { addVolume, mountInApp } from "../../support/containers.js";
import { checkConfigKeys, checkConfigName, checkMountPath, configMapObject, volumeName } from "../../support/config-object.js";

export interface ConfigTemplateOptions<Values> {
  /** ConfigMap name (with `immutable`, the prefix of the hashed name). */
  readonly name: string;
  /**
   * Handlebars template text, e.g. `import nginxConf from "./templates/nginx.conf.hbs"` or a
   * template literal. Rendered in strict mode without HTML escaping: every value it reads must exist.
   */
  readonly template: string;
  /** Typed values the template reads, per environment with perEnv()/forEnv(). */
  readonly values: PerEnvironment<Values>;
  /** Key in the ConfigMap and file name under `mountPath`, e.g. `nginx.conf`. */
  readonly fileName: string;
  /** Directory the rendered file appears in. */
  readonly mountPath: string;
  /** Content-hashed name and `immutable: true`: a changed rendering rolls the pods. @default true */
  readonly immutable?: boolean;
}

/** Handlebars errors carry the template position; parse errors in `hash.loc` (1-based lines). */
interface HandlebarsError {
  readonly message: string;
  readonly lineNumber?: number;
  readonly column?: number;
  readonly hash?: { readonly loc?: { readonly first_line?: number; readonly first_column?: number } };
}

function position(error: HandlebarsError): { line?: number; column?: number } {
  if (error.lineNumber !== undefined) return { line: error.lineNumber, column: error.column === undefined ? undefined : error.column + 1 };
  const loc = error.hash?.loc;
  if (loc?.first_line !== undefined) return { line: loc.first_line, column: loc.first_column === undefined ? undefined : loc.first_column + 1 };
  const parseLine = /^Parse error on line (\d+):/.exec(error.message);
  return { line: parseLine ? Number(parseLine[1]) : undefined };
}

/** `template line 3, column 8:\n  3 | host {{ upstream.host }}` for a message. */
function excerpt(template: string, line: number | undefined, column: number | undefined): string {
  if (line === undefined) return "";
  const text = template.split("\n")[line - 1] ?? "";
  const at = `template line ${line}${column !== undefined ? `, column ${column}` : ""}`;
  return text.trim() === "" ? ` (${at}, the end of the template)` : ` (${at}: ${JSON.stringify(text.trim())})`;
}

// One isolated Handlebars environment: no helpers or partials registered by anything else.
const handlebars = Handlebars.create();

function parseTemplate(what: string, template: string, origin: SourceLocation | undefined): void {
  try {
    handlebars.parse(template);
  } catch (thrown) {
    const error = thrown as HandlebarsError;
    const { line, column } = position(error);
    const reason = error.message.split("\n").filter((l) => l.startsWith("Expecting") || !/^(Parse error|-*\^|\.\.\.)/.test(l)).pop() ?? error.message;
    const ending = /got 'EOF'$/.test(reason) ? "the template ends inside an unclosed block" : reason.replace(/ - \d+:\d+$/, "");
    fail("TKC2510", `${what}: the template does not parse: ${ending}${excerpt(template, line, column)}`, origin, "fix the Handlebars syntax: every {{#block}} needs its {{/block}}");
  }
}

/** Render a Handlebars template in strict mode; a missing value is a TKC2511 at `origin`. */
export function renderTemplate(what: string, template: string, values: unknown, origin: SourceLocation | undefined, environmentName: string): string {
  parseTemplate(what, template, origin);
  const render = handlebars.compile(template, { strict: true, noEscape: true });
  try {
    return render(values);
  } catch (thrown) {
    const error = thrown as HandlebarsError;
    const { line, column } = position(error);
    const missing = /^"([^"]+)" not defined/.exec(error.message);
    const message = missing ? `value "${missing[1]}" is not defined` : error.message.replace(/ - \d+:\d+$/, "");
    fail("TKC2511", `${what}: ${message} for environment '${environmentName}'${excerpt(template, line, column)}`, origin, missing ? `add ${missing[1]} to the values of environment '${environmentName}', or remove it from the template` : "check the values against the template");
  }
}

const configTemplatePattern = definePattern<ConfigTemplateOptions<unknown>>({
  name: "config-template",
  check(options, origin) {
    const what = `configTemplate '${options.name}'`;
    checkConfigName("configTemplate()", options.name, atProperty(origin, ["name"]));
    checkConfigKeys(what, [options.fileName], () => atProperty(origin, ["fileName"]));
    checkMountPath(what, options.mountPath, atProperty(origin, ["mountPath"]));
    if (typeof options.template !== "string") fail("TKC2510", `${what}: template must be the template's text`, atProperty(origin, ["template"]), "import it (import tpl from \"./templates/app.conf.hbs\") or write a template literal");
    parseTemplate(what, options.template, atProperty(origin, ["template"]));
  },
  apply(options, build, context, origin) {
    const what = `configTemplate '${options.name}'`;
    const rendered = renderTemplate(what, options.template, resolve(options.values, context.environment), origin, context.environment.name);
    const object = configMapObject(options.name, { [options.fileName]: rendered }, options.immutable ?? true, build.selector);
    build.extraObjects.push({ object, origin, fields: [[["metadata", "name"], ["name"]], [["data"], ["values"]]] });
    const volume = volumeName("template", options.name);
    addVolume(build, { name: volume, configMap: { name: object.metadata!.name! } });
    mountInApp(build, { name: volume, mountPath: options.mountPath, readOnly: true }, { origin, option: ["mountPath"] });
  },
});

/**
 * A configuration file rendered from a Handlebars template with typed values per environment,
 * into a ConfigMap mounted at `mountPath`. Strict: a value the template reads but the
 * environment's values lack is an error with the template line.
 */
export function configTemplate<Values>(options: ConfigTemplateOptions<Values>): Pattern {
  return configTemplatePattern(options as ConfigTemplateOptions<unknown>);
}

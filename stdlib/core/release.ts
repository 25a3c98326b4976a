import type { Namespace } from "tkc/k8s";
import { expandContext, isComponent, type Component, type ExpandContext, type ObjectDraft } from "./component.js";
import { fail } from "./errors.js";
import { checkCall, failedValue } from "./report.js";
import { shownText } from "./shown.js";
import { compact } from "./merge.js";
import { atProperty, captureOrigin, type SourceLocation } from "./origin.js";
import { dns1123LabelProblem, isDns1123Label, isSemanticVersion } from "../../syntax/index.js";

const RELEASE = Symbol.for("tkc.release");

/** One deployment target of a release: dev, staging, prod... */
export interface EnvironmentOptions {
  /** Namespace every namespaced object goes to. */
  readonly namespace: string;
  /** Emit the Namespace object itself. @default true */
  readonly createNamespace?: boolean;
  /** Labels on the Namespace (e.g. Pod Security Admission). */
  readonly namespaceLabels?: Readonly<Record<string, string>>;
  /** Free-form values that `forEnv((environment) => environment.values.x)` can read. */
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface ReleaseOptions {
  /** Release name: part of every object's labels and of the output path. A DNS-1123 label. */
  readonly name: string;
  /** Semantic version of what is released, e.g. `2.4.0`; recorded in the bundle. */
  readonly version: string;
  /** The environments this release is built for, by name. */
  readonly environments: Readonly<Record<string, EnvironmentOptions>>;
  /** The services, workers, jobs and objects of the release (nested lists are flattened). */
  readonly components: readonly (Component | readonly Component[])[];
}

/** A whole release: what a project's root descriptor exports by default. */
export interface Release {
  readonly [RELEASE]: true;
  readonly name: string;
  readonly version: string;
  readonly origin: SourceLocation | undefined;
  readonly environments: Readonly<Record<string, EnvironmentOptions>>;
  readonly components: readonly Component[];
  /** What components see when they expand for one environment. */
  contextFor(environment: string): ExpandContext;
  /** Objects of the environment itself (its Namespace), before the components' objects. */
  environmentObjects(environment: string): readonly ObjectDraft[];
}

/** Each independent part of the release on its own, so that every mistake is reported. */
function releaseChecks(options: ReleaseOptions, given: unknown, origin: SourceLocation | undefined): (() => void)[] {
  const { name, version } = options;
  const environments = Object.entries(options.environments);
  const checks: (() => void)[] = [
    () => {
      if (!isDns1123Label(name, 53)) fail("TKC2110", `release name '${shownText(name)}' is not a DNS-1123 label of at most 53 characters`, atProperty(origin, ["name"]), "use lowercase letters, digits and '-', e.g. \"shop\"");
    },
    () => {
      if (typeof version !== "string" || !isSemanticVersion(version)) fail("TKC2111", `release version '${shownText(version)}' is not a semantic version`, atProperty(origin, ["version"]), "use MAJOR.MINOR.PATCH, e.g. \"2.4.0\"");
    },
    () => {
      if (environments.length === 0) fail("TKC2112", `release '${shownText(name)}' has no environments`, atProperty(origin, ["environments"]), "add environments: { dev: { namespace: \"shop-dev\" } }");
    },
  ];
  for (const [environmentName, declared] of environments) {
    checks.push(() => {
      if (dns1123LabelProblem(environmentName) !== undefined) fail("TKC2112", `environment name '${shownText(environmentName)}' is not a DNS-1123 label of at most 63 characters`, atProperty(origin, ["environments", environmentName]), "use lowercase letters, digits and '-'");
      // <out>/<release>/history/ holds the revisions of every environment.
      if (environmentName === "history") fail("TKC2112", "environment name 'history' is reserved for the release's revision history", atProperty(origin, ["environments", environmentName]), "call it e.g. 'archive' or 'hist'");
    }, () => {
      if (!isDns1123Label(declared.namespace)) {
        fail("TKC2113", `environment '${shownText(environmentName)}' has namespace '${shownText(declared.namespace)}', which is not a DNS-1123 label`, atProperty(origin, ["environments", environmentName, "namespace"]), "use lowercase letters, digits and '-', at most 63 characters");
      }
    });
  }
  checks.push(() => {
    if (!Array.isArray(given)) fail("TKC2114", `the components of release '${shownText(name)}' are not a list (got ${shownText(given)})`, atProperty(origin, ["components"]), "list values made by service(), worker(), raw()..., e.g. components: [api, worker]");
  });
  options.components.forEach((component, index) => checks.push(() => {
    if (!isComponent(component)) {
      fail("TKC2114", `components[${index}] of release '${shownText(name)}' is not a component (got ${typeof component})`, atProperty(origin, ["components", index]), "list values made by service(), worker(), raw()..., e.g. the default export of another .k8s.ts file");
    }
  }));
  return checks;
}

/** The options object, or none for anything else a descriptor passed (its parts are then reported missing). */
const objectOr = <T extends object>(value: unknown, none: T): T => (typeof value === "object" && value !== null ? (value as T) : none);

/**
 * Declare a release: its name, version, environments and components. Every mistake in them is
 * reported; a release with one still evaluates its components (so theirs are reported in the
 * same run), but it is a failed value and is never built.
 */
export function release(options: ReleaseOptions): Release {
  const origin = captureOrigin();
  const given = objectOr<Partial<ReleaseOptions>>(options, {});
  // Read every option once, into frozen copies, and check those: a getter or a later change to
  // the caller's objects cannot swap in a name after the checks (names become output paths).
  const environments: Record<string, EnvironmentOptions> = {};
  for (const [name, value] of Object.entries(objectOr(given.environments, {}))) {
    const declared = objectOr<Partial<EnvironmentOptions>>(value, {});
    environments[name] = Object.freeze({
      namespace: declared.namespace as string,
      createNamespace: declared.createNamespace,
      namespaceLabels: declared.namespaceLabels ? Object.freeze({ ...declared.namespaceLabels }) : undefined,
      values: declared.values,
    });
  }
  Object.freeze(environments);
  const listed = given.components;
  const flat = Array.isArray(listed) ? (listed.flat() as unknown[]) : [];
  const { name, version } = given as ReleaseOptions;
  const usable = checkCall(origin, undefined, ...releaseChecks({ name, version, environments, components: flat as Component[] }, listed, origin));
  // What a release with a mistake keeps: only real components, and names that are text (the
  // evaluation reads them, and it must not run a descriptor's toString).
  const components = Object.freeze((usable ? flat : flat.filter(isComponent)) as Component[]);
  const text = (value: unknown): string => (typeof value === "string" ? value : "");
  const kept = usable ? environments : Object.freeze(Object.fromEntries(Object.entries(environments).map(([environmentName, declared]) => [environmentName, Object.freeze({ ...declared, namespace: text(declared.namespace) })])));
  const made = makeRelease(usable ? name : text(name), usable ? version : text(version), origin, kept, components);
  return usable ? made : failedValue(made);
}

function makeRelease(name: string, version: string, origin: SourceLocation | undefined, environments: Readonly<Record<string, EnvironmentOptions>>, components: readonly Component[]): Release {
  return Object.freeze({
    [RELEASE]: true as const,
    name,
    version,
    origin,
    environments,
    components,
    contextFor(environment: string): ExpandContext {
      const declared = environments[environment];
      if (!declared) throw new Error(`unknown environment ${environment}`);
      return expandContext({ name: environment, namespace: declared.namespace, values: declared.values ?? {}, environments: Object.keys(environments) }, { name, version });
    },
    environmentObjects(environment: string): readonly ObjectDraft[] {
      const declared = environments[environment];
      if (!declared || declared.createNamespace === false) return [];
      const namespace: Namespace = {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: compact({ name: declared.namespace, labels: declared.namespaceLabels ? { ...declared.namespaceLabels } : undefined }),
      };
      return [{ object: namespace, origin }];
    },
  });
}

export function isRelease(value: unknown): value is Release {
  return typeof value === "object" && value !== null && RELEASE in value;
}

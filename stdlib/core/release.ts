import type { Namespace } from "tkc/k8s";
import { expandContext, isComponent, type Component, type ExpandContext, type ObjectDraft } from "./component.js";
import { fail } from "./errors.js";
import { compact } from "./merge.js";
import { captureOrigin, type SourceLocation } from "./origin.js";
import { dns1123LabelProblem, isDns1123Label } from "../../syntax/index.js";

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

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function checkRelease(options: ReleaseOptions, origin: SourceLocation | undefined): void {
  if (!isDns1123Label(options.name, 53)) {
    fail("TKC2110", `release name '${options.name}' is not a DNS-1123 label of at most 53 characters`, origin, "use lowercase letters, digits and '-', e.g. \"shop\"");
  }
  if (typeof options.version !== "string" || !SEMVER.test(options.version)) {
    fail("TKC2111", `release version '${options.version}' is not a semantic version`, origin, "use MAJOR.MINOR.PATCH, e.g. \"2.4.0\"");
  }
  const environments = Object.entries(options.environments);
  if (environments.length === 0) fail("TKC2112", `release '${options.name}' has no environments`, origin, "add environments: { dev: { namespace: \"shop-dev\" } }");
  for (const [name, declared] of environments) {
    if (dns1123LabelProblem(name) !== undefined) fail("TKC2112", `environment name '${name.length > 80 ? name.slice(0, 80) + "…" : name}' is not a DNS-1123 label of at most 63 characters`, origin, "use lowercase letters, digits and '-'");
    // <out>/<release>/history/ holds the revisions of every environment.
    if (name === "history") fail("TKC2112", "environment name 'history' is reserved for the release's revision history", origin, "call it e.g. 'archive' or 'hist'");
    if (!isDns1123Label(declared.namespace)) {
      fail("TKC2113", `environment '${name}' has namespace '${declared.namespace}', which is not a DNS-1123 label`, origin, "use lowercase letters, digits and '-', at most 63 characters");
    }
  }
  options.components.flat().forEach((component, index) => {
    if (!isComponent(component)) {
      fail("TKC2114", `components[${index}] of release '${options.name}' is not a component (got ${typeof component})`, origin, "list values made by service(), worker(), raw()..., e.g. the default export of another .k8s.ts file");
    }
  });
}

/** Declare a release: its name, version, environments and components. */
export function release(options: ReleaseOptions): Release {
  const origin = captureOrigin();
  // Read every option once, into frozen copies, and check those: a getter or a later change to
  // the caller's objects cannot swap in a name after the checks (names become output paths).
  const environments: Record<string, EnvironmentOptions> = {};
  for (const [name, declared] of Object.entries(options.environments)) {
    environments[name] = Object.freeze({
      namespace: declared.namespace,
      createNamespace: declared.createNamespace,
      namespaceLabels: declared.namespaceLabels ? Object.freeze({ ...declared.namespaceLabels }) : undefined,
      values: declared.values,
    });
  }
  Object.freeze(environments);
  const components = Object.freeze(options.components.flat() as Component[]);
  const { name, version } = options;
  checkRelease({ name, version, environments, components }, origin);
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

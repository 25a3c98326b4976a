import type { EnvironmentContext } from "./per-environment.js";
import type { SourceLocation } from "./origin.js";

const COMPONENT = Symbol.for("tkc.component");

/** What a component needs to know to expand itself for one environment. */
export interface ExpandContext {
  /** The environment being built. */
  readonly environment: EnvironmentContext;
  /** @deprecated Renamed to `environment` ("env" also meant environment variables); the same object. */
  readonly env: EnvironmentContext;
  readonly release: { readonly name: string; readonly version: string };
}

/** The context to expand components for `environment` of `release`. */
export function expandContext(environment: EnvironmentContext, release: ExpandContext["release"]): ExpandContext {
  return { environment, env: environment, release };
}

/** The least an object must have to be emitted; every generated Kubernetes type satisfies it. */
export interface DraftObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
}

/** One object a component produced, with the descriptor location that produced it. */
export interface ObjectDraft {
  readonly object: DraftObject;
  readonly origin: SourceLocation | undefined;
  /**
   * Which option of the call at `origin` set which part of the object: `[objectPath, optionPath]`
   * pairs, e.g. `[["spec", "replicas"], ["replicas"]]`. The longest matching object path wins and
   * the rest of the path is followed into the option, so errors point at the exact property.
   * A third element names another call that set that part (a pattern's, e.g. `sidecar({...})`):
   * the option path is then followed into that call's options.
   */
  readonly fields?: readonly FieldMapping[];
}

export type FieldMapping = readonly [objectPath: readonly (string | number)[], optionPath: readonly (string | number)[], origin?: SourceLocation];

/**
 * A unit of a release: a service, a worker, a raw object... Evaluating a descriptor only
 * records options; `expand` turns them into Kubernetes objects for one environment.
 */
export interface Component {
  readonly [COMPONENT]: true;
  /** The workload kind, e.g. `service`, for messages. */
  readonly type: string;
  readonly name: string;
  readonly origin: SourceLocation | undefined;
  expand(context: ExpandContext): readonly ObjectDraft[];
}

// The components this evaluation made, and which of them something expanded: one made and never
// expanded is in no release, so none of its objects is emitted (TKC2013). cdk8s emits whatever a
// chart constructs; here a service() left out of `components` vanished without a word.
const MAX_TRACKED = 100_000;
const made: Component[] = [];
const expanded = new WeakSet<Component>();

export function defineComponent(spec: Omit<Component, typeof COMPONENT>): Component {
  const component: Component = Object.freeze({
    [COMPONENT]: true as const,
    ...spec,
    expand(context: ExpandContext) {
      expanded.add(component);
      return spec.expand(context);
    },
  });
  if (made.length < MAX_TRACKED) made.push(component);
  return component;
}

/** The components made so far that nothing has expanded (neither the release nor another component). */
export function unexpandedComponents(): readonly Component[] {
  return made.filter((component) => !expanded.has(component));
}

export function isComponent(value: unknown): value is Component {
  return typeof value === "object" && value !== null && COMPONENT in value;
}

/**
 * A component whose checks reported a mistake at the call: it stays in the release but emits
 * nothing, so the other calls' mistakes are still reported in the same run.
 */
export function rejectedComponent(type: string, name: unknown, origin: SourceLocation | undefined): Component {
  return defineComponent({ type, name: typeof name === "string" ? name : "", origin, expand: () => [] });
}

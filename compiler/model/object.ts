import type { SourceLocation } from "./source.js";

/** The identity fields every Kubernetes object has. */
export interface ObjectMeta {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

/** A Kubernetes object as plain JSON data. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly [key: string]: unknown;
}

/**
 * An object produced by the expand stage (or read from YAML by `tkc validate`), with where it came from.
 * `origin` is the descriptor call that produced it; `fieldOrigins` maps a JSON pointer inside the
 * object to the exact user property that set it, where known (more precise than `origin`).
 */
export interface SourcedObject {
  readonly object: KubeObject;
  readonly origin?: SourceLocation;
  readonly fieldOrigins?: ReadonlyMap<string, SourceLocation>;
  /** Computes a field's origin on demand (descriptor objects map fields to option properties). */
  readonly resolveField?: (path: readonly (string | number)[]) => SourceLocation | undefined;
}

/** "apps/v1 Deployment shop/api": how objects are named in messages. */
export function describeObject(object: KubeObject): string {
  // any field may hold junk (an object whose toString is not a function): only strings are shown
  const text = (value: unknown, absent: string) => (typeof value === "string" ? value : value === undefined || value === null ? absent : JSON.stringify(value) ?? absent);
  const namespace = object.metadata?.namespace;
  const ns = namespace ? `${text(namespace, "")}/` : "";
  return `${text(object.apiVersion, "?")} ${text(object.kind, "?")} ${ns}${text(object.metadata?.name, "<unnamed>")}`;
}

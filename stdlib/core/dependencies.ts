import type { SourceLocation } from "./origin.js";

/**
 * Manifests rendered outside the realm (a vendored file, `helm template`, `kubectl kustomize`).
 * A descriptor only describes what to render, as data; the host renders it and hands the objects
 * back as JSON text for the next evaluation. See docs/dsl.md "Vendored manifests".
 */
export type DependencyRequest =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "kustomize"; readonly dir: string }
  | {
      readonly kind: "helm";
      readonly chart: string;
      readonly version?: string;
      readonly values: unknown;
      readonly namespace: string;
      readonly releaseName: string;
    };

/** A request as it leaves the realm: its key (its JSON) and where it was made. */
export interface RecordedRequest {
  readonly key: string;
  readonly request: DependencyRequest;
  readonly origin: SourceLocation | undefined;
}

let rendered: Readonly<Record<string, readonly unknown[]>> = {};
let recorded: RecordedRequest[] = [];

/** Installed by the evaluation realm: what the host rendered for earlier requests, by key. */
export function setRenderedDependencies(next: Readonly<Record<string, readonly unknown[]>>): void {
  rendered = next;
}

/** The requests made since the last call (the realm sends them out with each environment). */
export function takeDependencyRequests(): RecordedRequest[] {
  const taken = recorded;
  recorded = [];
  return taken;
}

/**
 * The objects the host rendered for `request`, as fresh copies (patches change them), or undefined
 * while it has not been rendered yet (the first evaluation of a build only collects requests).
 */
export function renderedObjects(request: DependencyRequest, origin: SourceLocation | undefined): unknown[] | undefined {
  const key = JSON.stringify(request);
  recorded.push({ key, request, origin });
  const objects = rendered[key];
  return objects === undefined ? undefined : (JSON.parse(JSON.stringify(objects)) as unknown[]);
}

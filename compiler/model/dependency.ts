/**
 * What bundle.json records of a rendered dependency (include, kustomization, helmChart), so the
 * bundle stays reproducible and its diff shows a chart bump or a changed vendored file.
 */
export type DependencyRecord =
  | { readonly kind: "include"; readonly path: string; readonly sha256: string }
  | { readonly kind: "kustomization"; readonly dir: string; readonly renderer: string }
  | { readonly kind: "helmChart"; readonly chart: string; readonly version?: string; readonly digest: string; readonly values: string; readonly helm: string };

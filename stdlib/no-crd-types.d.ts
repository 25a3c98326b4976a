// "tkc/crds" for `tkc build`'s type check of a project whose sources name no custom resource
// (no import of "tkc/crds", none of its API groups): raw() then takes built-in kinds only. Should
// the project reach a custom resource's type anyway, that check fails and tkc checks again with
// every CRD's types, so the result is the same as with them (compiler/typecheck/typecheck.ts).
// Editors always see the real "tkc/crds".
export type KnownCustomResource = never;
export interface KnownCustomResourcesByKey {}

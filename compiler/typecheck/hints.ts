/**
 * One-line hints for TypeScript errors whose usual cause TypeScript cannot name. The messages are
 * tsc's own; a hint is added only when the message shows the pattern beyond doubt.
 */

// raw()'s parameter is the union of every kind tkc has types for. An apiVersion outside it comes
// out either as "not assignable to '"admissionregistration.k8s.io/v1" | ...'" (an object literal:
// the union of apiVersions, sorted, so it starts there) or, for a value declared elsewhere, as a
// mismatch against the union's last member, `RawObject`'s StorageVersionMigration.
const UNKNOWN_API_VERSION = /to type '"admissionregistration\.k8s\.io\/v1" \||parameter of type 'RawObject'\.[\s\S]*Types of property 'apiVersion' are incompatible/;

export function tscHint(code: string, message: string): string | undefined {
  if ((code === "TS2769" || code === "TS2322" || code === "TS2345") && UNKNOWN_API_VERSION.test(message)) {
    return "raw() takes the kinds tkc has types for: for a custom resource, import its CRD with `tkc import crd <file>`, or pass the object to unchecked()";
  }
  return undefined;
}

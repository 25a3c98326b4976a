/**
 * One-line hints for TypeScript errors whose usual cause TypeScript cannot name. The messages are
 * tsc's own; a hint is added only when the message shows the pattern beyond doubt.
 */

// raw()'s parameter is the union of every kind tkc has types for. An apiVersion outside it comes
// out either as "not assignable to '"admissionregistration.k8s.io/v1" | "apps/v1" | ...'" (an
// object literal: a union of group/version literals, whatever groups the project imported) or, for
// a value declared elsewhere, as a mismatch against RawObject's last member.
const API_VERSION_LITERAL = String.raw`"[a-z0-9.-]+\/v[0-9]+[a-z0-9]*"`;
const UNKNOWN_API_VERSION = new RegExp(String.raw`to type '${API_VERSION_LITERAL} \| ${API_VERSION_LITERAL} \||parameter of type 'RawObject'\.[\s\S]*Types of property 'apiVersion' are incompatible`);

// A values file as Helm keeps it: descriptors import JSON and text, not YAML.
const YAML_MODULE = /^Cannot find module '[^']+\.ya?ml'/;

export function tscHint(code: string, message: string): string | undefined {
  if (code === "TS2307" && YAML_MODULE.test(message)) {
    return "a descriptor imports JSON (as data) and .txt/.tpl/.conf/.hbs (as text), not YAML: give values to build inputs with `--values FILE.yaml`, name Kubernetes objects with include(), or convert the file to JSON";
  }
  if ((code === "TS2769" || code === "TS2322" || code === "TS2345") && UNKNOWN_API_VERSION.test(message)) {
    return "raw() takes the kinds tkc has types for: for a custom resource, import its CRD with `tkc import crd <file>`, or pass the object to unchecked()";
  }
  return undefined;
}

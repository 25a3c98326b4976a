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

// Node's globals, for which tsc suggests installing @types/node: descriptors have none of them.
const NODE_GLOBAL = /^Cannot find name '(process|require|Buffer|__dirname|__filename|global|module|exports|setTimeout|setInterval|setImmediate|fetch)'/;

export function tscHint(code: string, message: string): string | undefined {
  const global = NODE_GLOBAL.exec(message);
  if (global && (code === "TS2580" || code === "TS2591" || code === "TS2304" || code === "TS2552")) {
    return global[1] === "process"
      ? "not a missing @types/node: descriptors run sealed, without an environment; take a CI value as a build input: `const tag = input(\"tag\", { type: \"string\", default: \"1.0.0\" })`, then `tkc build --set tag=$TAG`"
      : `not a missing @types/node: descriptors run sealed, without Node.js's ${global[1]}; compute values in TypeScript, and import the project's files (\`import text from "./file.txt"\`)`;
  }
  if (code === "TS2307" && YAML_MODULE.test(message)) {
    return "a descriptor imports JSON (as data) and .txt/.tpl/.conf/.hbs (as text), not YAML: give values to build inputs with `--values FILE.yaml`, name Kubernetes objects with include(), or convert the file to JSON";
  }
  if ((code === "TS2769" || code === "TS2322" || code === "TS2345") && UNKNOWN_API_VERSION.test(message)) {
    return "raw() takes the kinds tkc has types for: for a custom resource, import its CRD with `tkc import crd <file>`, or pass the object to unchecked()";
  }
  return undefined;
}

/**
 * The CEL libraries the API server gives CRD validation rules on Kubernetes 1.33 to 1.36
 * (k8s.io/apiserver/pkg/cel/environment/base.go), as far as tkc evaluates them exactly. Left
 * out, so that a rule calling them is skipped: format.named() (format library), semver, the
 * image and authz libraries, and the strings extension's format().
 */
import type { Environment } from "@marcbachmann/cel-js";
import { registerCIDR } from "./cidr.js";
import { registerIP } from "./ip.js";
import { registerLists } from "./lists.js";
import { registerQuantity } from "./quantity.js";
import { registerRegex } from "./regex.js";
import { registerSets } from "./sets.js";
import { registerStrings } from "./strings.js";
import { registerURLs } from "./urls.js";

/**
 * Calls written as the API server reads them and the names tkc registers them under: methods the
 * evaluator already has with JavaScript's semantics (which it lets no one replace), and
 * namespaced functions (`sets.contains`), which its parser reads as a call on a variable.
 */
export const RENAMED_METHODS: ReadonlyMap<string, string> = new Map(
  ["charAt", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "replace", "split", "substring", "trim", "join", "matches"].map((m) => [m, `k8s_${m}`]),
);
export const RENAMED_FUNCTIONS: ReadonlyMap<string, string> = new Map(
  ["matches", "ip.isCanonical", "sets.contains", "sets.equivalent", "sets.intersects", "strings.quote"].map((f) => [f, `k8s_${f.replace(".", "_")}`]),
);

export function registerKubernetesLibraries(environment: Environment): void {
  const method = (name: string) => RENAMED_METHODS.get(name) ?? name;
  const fn = (name: string) => RENAMED_FUNCTIONS.get(name) ?? name;
  registerLists(environment, method("indexOf"), method("lastIndexOf"));
  registerRegex(environment, method("matches"), fn("matches"));
  registerStrings(environment, (name) => (name.includes(".") ? fn(name) : method(name)));
  registerSets(environment, fn);
  registerURLs(environment);
  registerIP(environment, fn);
  registerCIDR(environment);
  registerQuantity(environment);
}

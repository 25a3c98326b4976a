import type { JsonPath } from "../../../model/path.js";
import { cidrContains, parseCidr } from "../cidr.js";
import { asArray, asRecord, asString, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

const CLASS_ANNOTATION = "kubernetes.io/ingress.class";
const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];

/**
 * TKC3334-3336, TKC3338: an Ingress class named twice or an Ingress routing nothing, NetworkPolicy peers (ipBlock ranges, ipBlock
 * next to selectors) and their label selectors.
 */
export const networkingFields: SemanticRule = {
  name: "networking-fields",
  kinds: ["networking.k8s.io/Ingress", "networking.k8s.io/NetworkPolicy"],
  check(target, _bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    if (target.kind === "Ingress") {
      // Mirrors validateIngressClassAnnotation / ValidateIngressCreate in pkg/apis/networking/validation/validation.go.
      // Mirrors ValidateIngressSpec: an Ingress routes somewhere.
      if (asArray(spec.rules).length === 0 && (spec.defaultBackend === undefined || spec.defaultBackend === null)) {
        report.error("TKC3338", ["spec"], "the Ingress has neither rules nor a defaultBackend, so it routes nothing", "add rules (host and paths) or a defaultBackend");
      }
      const annotation = asRecord(asRecord(target.object.metadata)?.annotations)?.[CLASS_ANNOTATION];
      if (annotation !== undefined && spec.ingressClassName !== undefined && spec.ingressClassName !== null) {
        report.error("TKC3334", ["metadata", "annotations", CLASS_ANNOTATION], `the ${CLASS_ANNOTATION} annotation may not be set together with spec.ingressClassName`, "keep spec.ingressClassName and remove the deprecated annotation");
      }
      return;
    }
    checkSelector(asRecord(spec.podSelector), ["spec", "podSelector"], report);
    for (const direction of ["ingress", "egress"] as const) {
      const peersField = direction === "ingress" ? "from" : "to";
      asArray(spec[direction]).forEach((rule, i) => {
        asArray(asRecord(rule)?.[peersField]).forEach((entry, j) => {
          const peer = asRecord(entry);
          if (peer) checkPeer(peer, ["spec", direction, i, peersField, j], report);
        });
      });
    }
  },
};

/** Mirrors ValidateNetworkPolicyPeer and ValidateIPBlock. */
function checkPeer(peer: Json, path: JsonPath, report: Reporter): void {
  const selectors = ["podSelector", "namespaceSelector"].filter((field) => peer[field] !== undefined && peer[field] !== null);
  const ipBlock = asRecord(peer.ipBlock);
  if (ipBlock && selectors.length > 0) {
    report.error("TKC3335", [...path, "ipBlock"], `a peer may not combine ipBlock with ${selectors.join(" and ")}`, "split it into two peers: one with ipBlock, one with the selectors");
  } else if (!ipBlock && selectors.length === 0) {
    report.error("TKC3335", path, "a peer sets none of podSelector, namespaceSelector and ipBlock", "say which pods, namespaces or addresses the peer is; use {} selectors to match all");
  }
  for (const field of selectors) checkSelector(asRecord(peer[field]), [...path, field], report);
  if (!ipBlock) return;
  const cidrText = asString(ipBlock.cidr);
  const cidr = cidrText === undefined ? undefined : parseCidr(cidrText);
  if (cidrText !== undefined && !cidr) {
    report.error("TKC3335", [...path, "ipBlock", "cidr"], `ipBlock cidr ${show(cidrText)} is not a CIDR`, "write a range such as \"10.0.0.0/16\" (a single address is \"10.0.0.1/32\")");
    return;
  }
  asArray(ipBlock.except).forEach((entry, k) => {
    if (typeof entry !== "string") return;
    const at = [...path, "ipBlock", "except", k];
    const except = parseCidr(entry);
    if (!except) report.error("TKC3335", at, `ipBlock except entry ${show(entry)} is not a CIDR`, "write a range such as \"10.0.5.0/24\"");
    else if (cidr && (!cidrContains(cidr, except) || except.prefix === cidr.prefix)) {
      report.error("TKC3335", at, `ipBlock except entry ${show(entry)} is not a strict subset of cidr ${show(cidrText)}`, "list only ranges inside cidr, smaller than it");
    }
  });
}

/** Mirrors ValidateLabelSelectorRequirement for the selectors of a NetworkPolicy. */
function checkSelector(selector: Json | undefined, path: JsonPath, report: Reporter): void {
  asArray(selector?.matchExpressions).forEach((entry, i) => {
    const expression = asRecord(entry);
    if (!expression) return;
    const operator = asString(expression.operator);
    const values = asArray(expression.values);
    const at = [...path, "matchExpressions", i];
    if (operator === undefined || !OPERATORS.includes(operator)) report.error("TKC3336", [...at, "operator"], `selector operator ${show(expression.operator)} is not one of ${OPERATORS.join(", ")}`, "use In/NotIn with values, or Exists/DoesNotExist without");
    else if ((operator === "In" || operator === "NotIn") && values.length === 0) report.error("TKC3336", [...at, "values"], `selector operator ${operator} needs at least one value`, "list the values, or use Exists");
    else if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) report.error("TKC3336", [...at, "values"], `selector operator ${operator} takes no values`, "remove values, or use In");
  });
}

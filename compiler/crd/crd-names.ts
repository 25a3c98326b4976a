import { dns1035LabelProblem, dns1123SubdomainProblem } from "../../syntax/index.js";

/** One name of a CustomResourceDefinition that the API server refuses, at its path in the object. */
export interface CrdNameProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: string) => JSON.stringify(value);

/**
 * The naming rules of ValidateCustomResourceDefinition, validateCustomResourceDefinitionSpec and
 * ValidateCustomResourceDefinitionNames (apiextensions-apiserver, pkg/apis/apiextensions/validation):
 * the group, the names and the version names are the resource's URL path and its kind, so the
 * server refuses any that is not a DNS name. tkc also writes files named after them (`tkc import
 * crd`), so a CRD that breaks them is never read further. Values of the wrong type are the
 * schema's to report; singular and listKind may be absent (the server fills them in).
 */
export function crdNameProblems(crd: Record<string, unknown>): CrdNameProblem[] {
  const problems: CrdNameProblem[] = [];
  const spec = isRecord(crd["spec"]) ? crd["spec"] : {};
  const names = isRecord(spec["names"]) ? spec["names"] : {};
  const add = (path: readonly (string | number)[], message: string, hint: string) => problems.push({ path, message, hint });
  const label = (path: readonly (string | number)[], value: unknown, what: string, mixedCase = false) => {
    if (typeof value !== "string" || value === "") return;
    // A kind may have upper-case letters; otherwise it follows the same rule.
    const problem = dns1035LabelProblem(mixedCase ? value.toLowerCase() : value);
    if (!problem) return;
    const rule = mixedCase && !problem.startsWith("must be at most") ? "must be letters, digits and '-', starting with a letter and ending with a letter or digit" : problem;
    add(path, `${what} ${show(value)} is not valid: it ${rule}`, mixedCase ? 'use a name such as "Widget"' : 'use lowercase letters, digits and \'-\', starting with a letter, e.g. "widgets"');
  };

  const group = spec["group"];
  if (group === "") add(["spec", "group"], "spec.group is empty", "set the API group, a domain you own such as \"example.com\"");
  else if (typeof group === "string") {
    const problem = dns1123SubdomainProblem(group);
    if (problem) add(["spec", "group"], `spec.group ${show(group)} is not valid: it ${problem}`, "use a domain you own, such as \"example.com\"");
    else if (!group.includes(".")) add(["spec", "group"], `spec.group ${show(group)} is not valid: it must be a domain with at least one dot`, `groups without a dot are Kubernetes' own; use a domain you own, such as "${group}.example.com"`);
  }
  if (names["plural"] === "") add(["spec", "names", "plural"], "spec.names.plural is empty", "set the plural name, e.g. \"widgets\"");
  label(["spec", "names", "plural"], names["plural"], "spec.names.plural");
  label(["spec", "names", "singular"], names["singular"], "spec.names.singular");
  if (names["kind"] === "") add(["spec", "names", "kind"], "spec.names.kind is empty", "set the kind, e.g. \"Widget\"");
  label(["spec", "names", "kind"], names["kind"], "spec.names.kind", true);
  label(["spec", "names", "listKind"], names["listKind"], "spec.names.listKind", true);
  if (typeof names["kind"] === "string" && names["kind"] !== "" && names["kind"] === names["listKind"]) {
    add(["spec", "names", "listKind"], `spec.names.listKind is the same as kind (${show(names["kind"])})`, `leave it out (it defaults to "${names["kind"]}List") or name the list kind`);
  }
  for (const field of ["shortNames", "categories"] as const) {
    const list = names[field];
    if (Array.isArray(list)) list.forEach((value, i) => label(["spec", "names", field, i], value, `spec.names.${field}[${i}]`));
  }

  const metadata = isRecord(crd["metadata"]) ? crd["metadata"] : {};
  // Only once the parts are valid: a hint built from invalid ones would only mislead.
  if (problems.length === 0 && typeof metadata["name"] === "string" && typeof names["plural"] === "string" && typeof group === "string" && metadata["name"] !== `${names["plural"]}.${group}`) {
    add(["metadata", "name"], `the CustomResourceDefinition is named ${show(metadata["name"])}, but it must be spec.names.plural + "." + spec.group`, `name it "${names["plural"]}.${group}"`);
  }

  const versions = Array.isArray(spec["versions"]) ? spec["versions"] : [];
  const seen = new Set<string>();
  let storage = 0;
  versions.forEach((version, i) => {
    if (!isRecord(version)) return;
    if (version["storage"] === true) storage++;
    const name = version["name"];
    if (typeof name !== "string") return;
    if (name === "") add(["spec", "versions", i, "name"], `spec.versions[${i}].name is empty`, 'name the version, e.g. "v1" or "v1beta1"');
    else if (dns1035LabelProblem(name)) add(["spec", "versions", i, "name"], `version name ${show(name)} is not valid: it ${dns1035LabelProblem(name)}`, 'use a name such as "v1" or "v1beta1"');
    if (seen.has(name)) add(["spec", "versions", i, "name"], `version ${show(name)} is listed twice`, "give each version once");
    seen.add(name);
  });
  if (versions.length > 0 && storage !== 1) add(["spec", "versions"], `${storage === 0 ? "no version is" : `${storage} versions are`} marked as the storage version; exactly one must be`, "set storage: true on one version and false on the others");
  return problems;
}

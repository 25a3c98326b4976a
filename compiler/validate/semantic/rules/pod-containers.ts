import type { JsonPath } from "../../../model/path.js";
import { type ContainerRef, containersOf } from "../object-index.js";
import { asArray, asRecord, asString, isInteger, show } from "../guards.js";
import { relatedAt, type Reporter } from "../report.js";
import { dns1123LabelProblem, imagePin, imageReferenceProblem, portNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/** TKC3201-3209: containers exist, names, images with pinned tags, container ports (their protocol, TKC3222, is an enum of schemas/generator/enums.ts). */
export const podContainers: SemanticRule = {
  name: "pod-containers",
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    if (asArray(template.spec.containers).length === 0) {
      report.error("TKC3201", [...template.specPath, "containers"], `the pod template of ${target.kind} ${show(target.name)} has no containers`, "add at least one container with a name and an image");
    }
    const containers = containersOf(template);
    const names = new Map<string, JsonPath>();
    const portNames = new Map<string, JsonPath>();
    for (const ref of containers) {
      checkName(ref, names, target, report);
      if (ref.list !== "ephemeralContainers") checkImage(ref, report);
      checkPorts(ref, portNames, target, report);
    }
  },
};

function checkName(ref: ContainerRef, seen: Map<string, JsonPath>, target: Parameters<SemanticRule["check"]>[0], report: Reporter): void {
  const name = asString(ref.container.name);
  if (name === undefined) return;
  const path = [...ref.path, "name"];
  const problem = dns1123LabelProblem(name);
  if (problem) report.error("TKC3202", path, `container name ${show(name)} is not a valid DNS-1123 label: it ${problem}`, "use a short lowercase name such as \"app\"");
  const first = seen.get(name);
  if (first) {
    report.error("TKC3203", path, `container name ${show(name)} is used twice in the same pod`, "give every container and init container a distinct name", [relatedAt(target, first, `the first container named ${show(name)} is here`)]);
  } else seen.set(name, path);
}

function checkImage(ref: ContainerRef, report: Reporter): void {
  const image = ref.container.image;
  const path = [...ref.path, "image"];
  const name = show(ref.container.name);
  if (typeof image !== "string" || image.trim() === "") {
    report.error("TKC3204", path, `container ${name} has no image`, "set image to a pinned reference such as \"nginx:1.27.1\"");
    return;
  }
  // Whitespace around it is the API server's own refusal (pod-images.ts, TKC3255).
  const unparsable = image.trim() === image ? imageReferenceProblem(image) : undefined;
  if (unparsable) {
    // The API server takes any string; the kubelet cannot parse this one (InvalidImageName).
    report.policy("TKC3259", path, `image ${show(image)} of container ${name} is not an image reference the kubelet can parse: ${unparsable}; the pod fails with InvalidImageName`, "write it as [registry[:port]/]repository[:tag][@digest], the repository in lowercase (a build input with a comma or a space in it gives this)");
    return;
  }
  const { tag, digest } = imagePin(image);
  if (digest !== undefined) return;
  if (tag === "") {
    // The API server takes it; the kubelet cannot parse it (InvalidImageName), so it never runs.
    report.policy("TKC3205", path, `image ${show(image)} of container ${name} has an empty tag (it ends with ':'), which no container runtime can pull: the pod fails with InvalidImageName`, "put the tag after the colon (an empty build input, such as --set imageTag=, gives this), or pin a digest (\"nginx@sha256:...\")");
  } else if (tag === undefined) {
    report.policy("TKC3205", path, `image ${show(image)} of container ${name} has no tag, so it pulls whatever :latest is at the time`, "pin a version tag (\"nginx:1.27.1\") or a digest (\"nginx@sha256:...\")");
  } else if (tag === "latest") {
    report.policy("TKC3206", path, `image ${show(image)} of container ${name} uses :latest, which changes under you`, "pin a version tag (\"nginx:1.27.1\") or a digest (\"nginx@sha256:...\")");
  }
}

function checkPorts(ref: ContainerRef, portNames: Map<string, JsonPath>, target: Parameters<SemanticRule["check"]>[0], report: Reporter): void {
  asArray(ref.container.ports).forEach((entry, i) => {
    const port = asRecord(entry);
    if (!port) return;
    const path = [...ref.path, "ports", i];
    const name = asString(port.name);
    if (name !== undefined) {
      const problem = portNameProblem(name);
      if (problem) report.error("TKC3207", [...path, "name"], `container port name ${show(name)} is not a valid IANA service name: it ${problem}`, "use at most 15 lowercase letters, digits and single hyphens, e.g. \"http\" or \"metrics\"");
      const first = portNames.get(name);
      if (first) report.error("TKC3208", [...path, "name"], `container port name ${show(name)} is used twice in the same pod`, "port names must be unique across all containers of a pod", [relatedAt(target, first, `the first port named ${show(name)} is here`)]);
      else portNames.set(name, [...path, "name"]);
    }
    for (const field of ["containerPort", "hostPort"] as const) {
      const value = port[field];
      if (value === undefined) continue;
      if (!isInteger(value) || value < 1 || value > 65535) {
        report.error("TKC3209", [...path, field], `${field} ${show(value)} is not a port number between 1 and 65535`, "use a port number between 1 and 65535");
      }
    }
  });
}

import { containersOf } from "../object-index.js";
import { show } from "../guards.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

/**
 * TKC3255: image strings with leading or trailing whitespace. Mirrors the TrimSpace check of
 * validateContainerCommon in pkg/apis/core/validation/validation.go.
 */
export const podImages: SemanticRule = {
  name: "pod-images",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    if (!target.podTemplate) return;
    for (const ref of containersOf(target.podTemplate)) {
      const image = ref.container.image;
      if (typeof image !== "string" || image.trim() === "" || image.trim() === image) continue;
      report.error("TKC3255", [...ref.path, "image"], `image ${show(image)} of container ${show(ref.container.name)} has leading or trailing whitespace`, `write it as ${show(image.trim())}`);
    }
  },
};

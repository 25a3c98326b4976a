import type { ScalarTag } from "yaml";

/**
 * kubectl reads manifests with Go's yaml.v2 (YAML 1.1 through sigs.k8s.io/yaml): an unquoted
 * `0644` is the octal number 420 there, and 644 under YAML 1.2's core schema. File modes are
 * written this way everywhere, so tkc reads such integers as kubectl does (underscores dropped,
 * as yaml.v2 drops them); the walk still warns, since YAML 1.2 tools read them differently.
 */
export const yaml11OctalInt: ScalarTag = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  test: /^[-+]?0[0-7_]+$/,
  resolve: (source) => {
    const negative = source.startsWith("-");
    const digits = source.replace(/^[-+]/, "").replaceAll("_", "");
    const value = parseInt(digits, 8);
    return negative ? -value : value;
  },
};

import type { ConfigMap } from "tkc/k8s";
import { defineComponent, type Component } from "../core/component.js";
import { resolveDeep, type PerEnvironmentDeep } from "../core/per-environment.js";
import { compact } from "../core/merge.js";
import { captureOrigin } from "../core/origin.js";

export interface ConfigMapOptions {
  readonly name: string;
  /** Keys and their text values: environment variables or whole files. */
  readonly data: PerEnvironmentDeep<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  /** Mark immutable: the API server rejects changes, kubelets stop watching it. @default false */
  readonly immutable?: boolean;
}

/** Configuration as a ConfigMap. */
export function configMap(options: ConfigMapOptions): Component {
  const origin = captureOrigin();
  return defineComponent({
    type: "configMap",
    name: options.name,
    origin,
    expand(context) {
      const object: ConfigMap = compact({
        apiVersion: "v1" as const,
        kind: "ConfigMap" as const,
        metadata: compact({ name: options.name, labels: options.labels ? { ...options.labels } : undefined }),
        immutable: options.immutable ? true : undefined,
        data: resolveDeep(options.data, context.environment) as Record<string, string>,
      });
      return [{ object, origin, fields: [[["metadata", "name"], ["name"]], [["data"], ["data"]], [["metadata", "labels"], ["labels"]]] }];
    },
  });
}

import type { ServiceAccount } from "tkc/k8s";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { compact } from "../../../core/merge.js";
import { definePattern, type Pattern } from "../../../core/pattern.js";
import { labelsFor } from "../../support/generated-names.js";
import { isDns1123Subdomain } from "../../../../syntax/index.js";
import { atProperty } from "../../../core/origin.js";

export interface ServiceAccountOptions {
  /** Name of the ServiceAccount. @default the workload's name */
  readonly name?: string;
  /**
   * Mount an API token into the pods. Only pods that call the Kubernetes API need one
   * (`role()` requires it).
   * @default false
   */
  readonly automountToken?: boolean;
  /** Annotations on the ServiceAccount, e.g. cloud workload identity (`eks.amazonaws.com/role-arn`). @default none */
  readonly annotations?: PerEnvironment<Readonly<Record<string, string>>>;
}


/**
 * A ServiceAccount of the workload's own: creates it (token automount off), and runs the pods
 * as it with `automountServiceAccountToken: false` unless `automountToken` is set.
 */
const serviceAccountPattern = definePattern<ServiceAccountOptions>({
  name: "service-account",
  check(options, origin) {
    if (options.name !== undefined && !isDns1123Subdomain(options.name)) {
      fail("TKC2661", `serviceAccount() name '${options.name}' is not a DNS-1123 subdomain`, atProperty(origin, ["name"]), "use lowercase letters, digits, '-' and '.', e.g. \"api\"");
    }
  },
  apply(options, build, context, origin) {
    const name = options.name ?? build.name;
    const existing = build.pod.serviceAccountName;
    if (existing !== undefined) {
      fail(
        "TKC2660",
        `workload '${build.name}' already runs as ServiceAccount '${existing}', so serviceAccount() cannot give it '${name}'`,
        origin,
        "remove the workload's serviceAccountName option (serviceAccount() sets it), or drop serviceAccount() to use an account managed elsewhere",
      );
    }
    const automount = options.automountToken ?? false;
    build.pod = { ...build.pod, serviceAccountName: name, automountServiceAccountToken: automount };
    const annotations = options.annotations === undefined ? undefined : { ...resolve(options.annotations, context.environment) };
    const account: ServiceAccount = {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: compact({ name, labels: labelsFor(build), annotations }),
      automountServiceAccountToken: false,
    };
    build.extraObjects.push({
      object: account,
      origin,
      fields: [[[], []], [["metadata", "name"], ["name"]], [["metadata", "annotations"], ["annotations"]]],
    });
  },
});

/**
 * A ServiceAccount of the workload's own: creates it (token automount off), and runs the pods
 * as it with `automountServiceAccountToken: false` unless `automountToken` is set.
 */
export function serviceAccount(options: ServiceAccountOptions = {}): Pattern {
  return serviceAccountPattern(options);
}

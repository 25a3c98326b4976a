import type { Secret } from "tkc/k8s";
import type { BitnamiComV1alpha1SealedSecret, ExternalSecretsIoV1ExternalSecret } from "tkc/crds";
import { defineComponent, rejectedComponent, type Component } from "../../../core/component.js";
import { resolve, resolveDeep, type PerEnvironment, type PerEnvironmentDeep } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { isPerEnv } from "../../../core/per-environment.js";
import { shownText } from "../../../core/shown.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, captureOrigin } from "../../../core/origin.js";
import { checkConfigKeys, checkConfigName } from "../../support/config-object.js";
import { hashedName } from "../../support/content-hash.js";

const ALTERNATIVES = "reference a Secret that exists in the cluster (secretRef(), envFrom({ secrets }), secretFiles()), or emit externalSecret() / sealedSecret(); if these values are not secret (e.g. a dev-only dummy), pass allowPlaintextInBundle: true";

export interface PlainSecretOptions {
  readonly name: string;
  /** Key -> value, written to the bundle as `stringData` in plain text. */
  readonly stringData: PerEnvironmentDeep<Record<string, string>>;
  /** Secret type. @default "Opaque" */
  readonly type?: string;
  /** Content-hashed name and `immutable: true`. @default false */
  readonly immutable?: boolean;
  /**
   * Must be `true`: the values end up in the bundle files, in Git and in CI logs, so the call
   * site says explicitly that this is accepted. Anything else is error TKC2520. @default false
   */
  readonly allowPlaintextInBundle?: boolean;
}

/**
 * A Secret whose values are in the descriptor. They end up in the bundle in plain text (base64 is
 * an encoding, not encryption), so the call must opt in with `allowPlaintextInBundle: true`.
 */
export function plainSecret(options: PlainSecretOptions): Component {
  const origin = captureOrigin();
  const data = options.stringData;
  const usable = checkCall(
    origin,
    options,
    () => checkConfigName("plainSecret()", options.name, atProperty(origin, ["name"])),
    () => {
      if (options.allowPlaintextInBundle !== true) {
        fail("TKC2520", `plainSecret '${options.name}' would write its values into the bundle in plain text, where anyone who can read the bundle, its Git history or CI logs can read them`, origin, ALTERNATIVES);
      }
    },
    () => {
      if (!isPerEnv(data) && typeof data === "object" && data !== null) checkConfigKeys(`plainSecret '${options.name}'`, Object.keys(data), (key) => atProperty(origin, ["stringData", key]));
    },
  );
  if (!usable) return rejectedComponent("plainSecret", options?.name, origin);
  return defineComponent({
    type: "plainSecret",
    name: options.name,
    origin,
    expand(context) {
      const values = resolveDeep(options.stringData, context.environment) as Record<string, string>;
      checkConfigKeys(`plainSecret '${options.name}'`, Object.keys(values), (key) => atProperty(origin, ["stringData", key]));
      const sorted = Object.fromEntries(Object.keys(values).sort().map((k) => [k, values[k]!]));
      const secret: Secret = {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: options.immutable ? hashedName(options.name, "Secret", sorted) : options.name },
        type: options.type ?? "Opaque",
        ...(options.immutable ? { immutable: true } : {}),
        stringData: sorted,
      };
      return [{ object: secret, origin, fields: [[["metadata", "name"], ["name"]], [["stringData"], ["stringData"]], [["type"], ["type"]]] }];
    },
  });
}

/** Where a key of the Secret comes from in the external store. */
export type RemoteRef = string | { readonly key: string; readonly property?: string; readonly version?: string };

export interface ExternalSecretOptions {
  /** Name of the ExternalSecret and of the Secret it creates. */
  readonly name: string;
  /** The (Cluster)SecretStore that reads the external secret manager. */
  readonly store: { readonly name: string; /** @default "ClusterSecretStore" */ readonly kind?: "SecretStore" | "ClusterSecretStore" };
  /** Secret key -> remote key (`"prod/db#password"` style: `{ key: "prod/db", property: "password" }`). */
  readonly data?: PerEnvironment<Readonly<Record<string, RemoteRef>>>;
  /** Import every property of these remote keys (e.g. a JSON secret) as Secret keys. @default none */
  readonly extract?: PerEnvironment<readonly string[]>;
  /** How often the operator re-reads the store. @default "1h" */
  readonly refreshInterval?: string;
  /** Secret type of the created Secret. @default "Opaque" */
  readonly type?: string;
}

const DURATION = /^(\d+(\.\d+)?(ns|us|\u00b5s|ms|s|m|h))+$/;

/**
 * An ExternalSecret (external-secrets.io/v1): the External Secrets Operator copies values from a
 * secret manager (Vault, AWS/GCP/Azure) into a Secret named `name`. No value is in the bundle.
 */
export function externalSecret(options: ExternalSecretOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(
    origin,
    options,
    () => checkConfigName("externalSecret()", options.name, atProperty(origin, ["name"])),
    () => checkConfigName("externalSecret() store", options.store?.name, atProperty(origin, ["store", "name"])),
    () => {
      if (options.data === undefined && options.extract === undefined) fail("TKC2521", `externalSecret '${options.name}' maps no keys`, origin, "add data: { password: { key: \"prod/db\", property: \"password\" } } or extract: [\"prod/db\"]");
    },
    () => {
      if (options.refreshInterval !== undefined && (typeof options.refreshInterval !== "string" || !DURATION.test(options.refreshInterval))) {
        fail("TKC2521", `externalSecret '${options.name}': refreshInterval '${shownText(options.refreshInterval)}' is not a Go duration`, atProperty(origin, ["refreshInterval"]), "e.g. \"1h\", \"15m\" or \"0\" to read once");
      }
    },
    () => {
      if (options.data !== undefined && !isPerEnv(options.data)) checkConfigKeys(`externalSecret '${options.name}'`, Object.keys(options.data), (key) => atProperty(origin, ["data", key]));
    },
  );
  if (!usable) return rejectedComponent("externalSecret", options?.name, origin);
  return defineComponent({
    type: "externalSecret",
    name: options.name,
    origin,
    expand(context) {
      const environment = context.environment;
      const data = options.data ? resolve(options.data, environment) : {};
      const extract = options.extract ? resolve(options.extract, environment) : [];
      const object: ExternalSecretsIoV1ExternalSecret = {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: { name: options.name },
        spec: {
          refreshInterval: options.refreshInterval ?? "1h",
          secretStoreRef: { name: options.store.name, kind: options.store.kind ?? "ClusterSecretStore" },
          target: { name: options.name, creationPolicy: "Owner", ...(options.type ? { template: { type: options.type } } : {}) },
          ...(Object.keys(data).length > 0
            ? { data: Object.entries(data).map(([secretKey, ref]) => ({ secretKey, remoteRef: typeof ref === "string" ? { key: ref } : { ...ref } })) }
            : {}),
          ...(extract.length > 0 ? { dataFrom: extract.map((key) => ({ extract: { key } })) } : {}),
        },
      };
      return [{ object, origin, fields: [[["metadata", "name"], ["name"]], [["spec", "secretStoreRef"], ["store"]], [["spec", "data"], ["data"]], [["spec", "dataFrom"], ["extract"]]] }];
    },
  });
}

export interface SealedSecretOptions {
  /** Name of the SealedSecret and of the Secret the controller unseals it into. */
  readonly name: string;
  /**
   * `kubeseal` output per key. With the default `strict` scope a value is sealed for one name and
   * namespace, so each environment needs its own: use perEnv().
   */
  readonly encryptedData: PerEnvironment<Readonly<Record<string, string>>>;
  /** @default "strict" */
  readonly scope?: "strict" | "namespace-wide" | "cluster-wide";
  /** Secret type of the unsealed Secret. @default "Opaque" */
  readonly type?: string;
}

/** Base64 of RSA-OAEP + AES output: kubeseal's values are long; a short one was not sealed. */
const SEALED_VALUE = /^[A-Za-z0-9+/]{64,}={0,2}$/;

function checkSealedValues(name: string, values: Readonly<Record<string, string>>, origin: ReturnType<typeof captureOrigin>, environmentName?: string): void {
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== "string" || !SEALED_VALUE.test(value)) {
      fail("TKC2522", `sealedSecret '${name}': encryptedData.${key}${environmentName ? ` (environment '${environmentName}')` : ""} is not kubeseal output, so it may be a plain-text secret`, atProperty(origin, ["encryptedData", key]), "seal it: echo -n VALUE | kubeseal --raw --name NAME --namespace NAMESPACE --from-file=/dev/stdin");
    }
  }
}

/** A SealedSecret (bitnami.com/v1alpha1): values encrypted for the cluster's sealed-secrets controller. */
export function sealedSecret(options: SealedSecretOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(
    origin,
    options,
    () => checkConfigName("sealedSecret()", options.name, atProperty(origin, ["name"])),
    () => {
      if (!isPerEnv(options.encryptedData)) {
        checkConfigKeys(`sealedSecret '${options.name}'`, Object.keys(options.encryptedData), (key) => atProperty(origin, ["encryptedData", key]));
        checkSealedValues(options.name, options.encryptedData as Record<string, string>, origin);
      }
    },
  );
  if (!usable) return rejectedComponent("sealedSecret", options?.name, origin);
  return defineComponent({
    type: "sealedSecret",
    name: options.name,
    origin,
    expand(context) {
      const encryptedData = resolve(options.encryptedData, context.environment);
      checkSealedValues(options.name, encryptedData, origin, context.environment.name);
      const scope = options.scope ?? "strict";
      const annotations = scope === "strict" ? undefined : { [`sealedsecrets.bitnami.com/${scope}`]: "true" };
      const object: BitnamiComV1alpha1SealedSecret = {
        apiVersion: "bitnami.com/v1alpha1",
        kind: "SealedSecret",
        metadata: { name: options.name, ...(annotations ? { annotations } : {}) },
        spec: {
          encryptedData: { ...encryptedData },
          template: { metadata: { name: options.name, ...(annotations ? { annotations } : {}) }, type: options.type ?? "Opaque" },
        },
      };
      return [{ object, origin, fields: [[["metadata", "name"], ["name"]], [["spec", "encryptedData"], ["encryptedData"]]] }];
    },
  });
}

import type { SuppliedValue } from "../../stdlib/core/input.js";

/**
 * What the evaluation realm hands out: plain JSON data only (it is serialised inside the realm and
 * parsed by the host). Locations are positions in the user's sources as the bundle's source map
 * names them (`file` relative to the project); the host makes them absolute.
 */
export interface LocationData {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** An option of the call at this position (stdlib `atProperty`): resolved by the host to where it is written. */
  readonly property?: readonly (string | number)[];
  /** The argument of the call `property` starts in (stdlib `atArgument`); the first when absent, and then an empty `property` means the call. */
  readonly argument?: number;
}

/** A throw out of descriptor code, described inside the realm. */
export interface ThrownData {
  /** `descriptor`: a stdlib check (DescriptorError); `error`: anything else thrown. */
  readonly kind: "descriptor" | "error";
  readonly code?: string;
  readonly name: string;
  readonly message: string;
  readonly hint?: string;
  readonly location?: LocationData;
  /** Related positions of a DescriptorError, shown as notes. */
  readonly related?: readonly { readonly message: string; readonly location?: LocationData }[];
  /** The throw happened in tkc's own code, not in the descriptor's (the prelude's `thrownByTkc`). */
  readonly inStdlib?: boolean;
}

/** A mistake the stdlib (or a user's pattern) reported and went on, described inside the realm. */
export interface ReportData {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly hint?: string;
  readonly location?: LocationData;
  /** Where the call that reported it was, for a report without a location of its own. */
  readonly fallback?: LocationData;
  readonly related?: readonly { readonly message: string; readonly location?: LocationData }[];
}

/** A value YAML cannot carry, found while copying an object out of the realm. */
export interface NotJsonData {
  readonly path: string;
  /** The same path as segments (where in the options the value was set). */
  readonly at?: readonly (string | number)[];
  readonly what: string;
}

export interface DraftData {
  readonly object: unknown;
  readonly origin?: LocationData;
  /** Instead of `origin`: the index of a captured origin the host can ask to have resolved. */
  readonly originRef?: number;
  /** `[objectPath, optionPath, origin?]`: the origin (when another call set that part) as a location or a reference. */
  readonly fields?: readonly (readonly [readonly (string | number)[], readonly (string | number)[], FieldOriginData?])[];
  readonly problems?: readonly NotJsonData[];
  /** Set when the object's serialised size exceeds the limit; then `object` is only its identity. */
  readonly oversized?: number;
}

/** The call that set part of an object, when not the object's own: a location, or a captured origin's reference. */
export interface FieldOriginData {
  readonly origin?: LocationData;
  readonly originRef?: number;
}

export interface ReleaseData {
  readonly name: string;
  readonly version: string;
  readonly origin?: LocationData;
  readonly originRef?: number;
  readonly environments: Readonly<Record<string, { readonly namespace: string }>>;
}

/** One input the descriptors declared, with the value this build gives it (per environment where it differs). */
export interface InputData {
  readonly name: string;
  readonly type: unknown;
  readonly default: unknown;
  readonly description?: string;
  readonly perEnvironment: boolean;
  readonly location?: LocationData;
  readonly value: unknown;
  readonly source: "default" | "--set" | "--values";
  readonly environments: Readonly<Record<string, { readonly value: unknown; readonly source: "default" | "--set" | "--values" }>>;
}

/** What loading learnt about build inputs: the declarations, values that do not fit, and which supplied values were used. */
export interface InputsData {
  readonly declared: readonly InputData[];
  readonly problems: readonly { readonly name: string; readonly message: string; readonly hint: string; readonly location?: LocationData }[];
  /** Indexes into the request's `inputs` of the supplied values some declaration took. */
  readonly used: readonly number[];
}

/** Result of loading the root descriptor. */
export type LoadData = (
  | { readonly ok: true; readonly release: ReleaseData; readonly inputs: InputsData }
  | { readonly ok: false; readonly thrown: ThrownData }
  | { readonly ok: false; readonly exported: string }
) & {
  /** What the stdlib calls reported while the descriptors ran (the checks at each call). */
  readonly reports?: readonly ReportData[];
};

/** What a descriptor asked the host to render (include, kustomization, helmChart), as data. */
export interface DependencyRequestData {
  /** The request's JSON, made in the realm: the key of its rendering in `EvaluatorRequest.rendered`. */
  readonly key: string;
  readonly request: unknown;
  readonly location?: LocationData;
}

/** Result of expanding one environment. */
export interface EnvironmentData {
  readonly drafts: readonly DraftData[];
  readonly requests?: readonly DependencyRequestData[];
  /** What the components reported while expanding (a `fail` that stopped one is among them). */
  readonly reports?: readonly ReportData[];
  /** Anything else a component threw. */
  readonly thrown: readonly { readonly what: string; readonly location?: LocationData; readonly error: ThrownData }[];
}

/** Messages from the evaluator process to the host, one JSON object per line. */
export type EvaluatorMessage =
  | { readonly type: "ready" }
  | { readonly type: "phase"; readonly what: string }
  | { readonly type: "log"; readonly lines: readonly string[] }
  | { readonly type: "load"; readonly data: LoadData }
  | { readonly type: "environment"; readonly name: string; readonly data: EnvironmentData }
  | { readonly type: "limit"; readonly limit: "time"; readonly what: string; readonly location?: LocationData }
  | { readonly type: "rejection"; readonly what: string; readonly error: ThrownData }
  | { readonly type: "done"; readonly codeCache?: string; readonly complete?: boolean }
  | { readonly type: "origins"; readonly data: readonly (LocationData | null)[] }
  | { readonly type: "internal"; readonly message: string };

/** The host's request: the bundle to run and the environments to expand (all when empty). */
export interface EvaluatorRequest {
  readonly code: string;
  readonly map: string;
  readonly environments: readonly string[];
  readonly timeoutMs: number;
  /** Values for the build inputs (`--set`, `--values`), as plain data; parsed again inside the realm. */
  readonly inputs: readonly SuppliedValue[];
  /** Only load the root descriptor (for `tkc inputs`): expand no environment. */
  readonly loadOnly?: boolean;
  /** JSON text: request key -> the objects the host rendered for it (see DependencyRequestData). */
  readonly rendered?: string;
}

/** The most a single object may weigh serialised: etcd's request limit, as the API server enforces it. */
export const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { InputData, NotJsonData } from "../evaluate/data.js";
import type { DependencyRecord } from "./dependency.js";
import type { SourcedObject } from "./object.js";
import type { SourceLocation } from "./source.js";

/** A declared build input as the host keeps it: its declaration's location made absolute. */
export interface EvaluatedInput extends Omit<InputData, "location"> {
  readonly location?: SourceLocation;
}

/** `[objectPath, optionPath, set?]`: `set` names the call that set that part, when not the draft's own. */
export type DraftField = readonly [readonly (string | number)[], readonly (string | number)[], { readonly origin?: SourceLocation; readonly originRef?: number }?];

/** One object a component produced, as data, with where it came from. */
export interface Draft {
  readonly object: unknown;
  readonly origin?: SourceLocation;
  /** An origin not resolved yet (see Evaluation.withOrigins). */
  readonly originRef?: number;
  readonly fields?: readonly DraftField[];
  readonly problems?: readonly NotJsonData[];
  readonly oversized?: number;
}

/**
 * An evaluated project, as plain data: nothing in it leads back into descriptor code. Only the
 * origins are left to ask for (`withOrigins`): the evaluation process stays up until `close`, so a
 * build that reports nothing never pays for them.
 */
export interface Evaluation {
  readonly release: {
    readonly name: string;
    readonly version: string;
    readonly origin?: SourceLocation;
    readonly environments: Readonly<Record<string, { readonly namespace: string }>>;
  };
  /** Absolute paths of every file that went into the evaluation. */
  readonly inputs: readonly string[];
  /** The build inputs the descriptors declared, in declaration order, with this build's values. */
  readonly declaredInputs: readonly EvaluatedInput[];
  /** Supplied values that do not fit their input's type, at the input's declaration. */
  readonly inputProblems: readonly { readonly name: string; readonly message: string; readonly hint: string; readonly location?: SourceLocation }[];
  /** Indexes of the supplied values some declaration took (the others name no input). */
  readonly usedInputs: readonly number[];
  /** Per requested environment: the objects, and the throws of the components that failed. */
  readonly environments: ReadonlyMap<string, { readonly drafts: readonly Draft[]; readonly diagnostics: readonly Diagnostic[] }>;
  /** Per environment: what its include(), kustomization() and helmChart() calls rendered (for bundle.json). */
  readonly dependencies: ReadonlyMap<string, readonly DependencyRecord[]>;
  /** Whether some origins (of drafts, of the release) are still references, resolved only for diagnostics. */
  readonly pendingOrigins: boolean;
  /** The same evaluation with every draft's origin resolved (asks the evaluation process once). */
  withOrigins(): Promise<Evaluation>;
  /** End the evaluation process. */
  close(): void;
}

/** One environment's objects after expansion: namespaced, labelled, each with its origin. */
export interface Expansion {
  readonly environment: string;
  readonly namespace: string;
  readonly objects: readonly SourcedObject[];
}

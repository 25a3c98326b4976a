import type { Bundle, BundleObject } from "../bundle.js";
import type { Reporter } from "../report.js";

/** One family of semantic checks. `check` runs once per object; it reports and never throws. */
export interface SemanticRule {
  readonly name: string;
  check(target: BundleObject, bundle: Bundle, report: Reporter): void;
}

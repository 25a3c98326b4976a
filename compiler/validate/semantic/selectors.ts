import { editDistance } from "../schema/suggest.js";
import { asArray, asRecord, asString, show, stringMap } from "./guards.js";

/** Why a label selector does not select a set of labels, or undefined when it does. */
export function selectorMismatch(selector: unknown, labels: Readonly<Record<string, string>>): string | undefined {
  const record = asRecord(selector);
  if (!record) return undefined;
  for (const [key, value] of Object.entries(stringMap(record.matchLabels))) {
    if (!(key in labels)) return `matchLabels requires ${key}=${value} but the pod labels have no ${key}`;
    if (labels[key] !== value) return `matchLabels requires ${key}=${value} but the pod label is ${key}=${labels[key]}`;
  }
  for (const entry of asArray(record.matchExpressions)) {
    const expression = asRecord(entry);
    const key = asString(expression?.key);
    const operator = asString(expression?.operator);
    if (!expression || key === undefined || operator === undefined) continue;
    const values = asArray(expression.values).filter((v): v is string => typeof v === "string");
    const has = key in labels;
    if (operator === "In" && !(has && values.includes(labels[key]!))) return `matchExpressions requires ${key} In ${show(values)} but the pod labels ${has ? `have ${key}=${labels[key]}` : `have no ${key}`}`;
    if (operator === "NotIn" && has && values.includes(labels[key]!)) return `matchExpressions requires ${key} NotIn ${show(values)} but the pod labels have ${key}=${labels[key]}`;
    if (operator === "Exists" && !has) return `matchExpressions requires ${key} to exist but the pod labels have no ${key}`;
    if (operator === "DoesNotExist" && has) return `matchExpressions requires ${key} to be absent but the pod labels have ${key}=${labels[key]}`;
  }
  return undefined;
}

/** True when the selector has no requirements at all (it would select every pod). */
export function isEmptySelector(selector: unknown): boolean {
  const record = asRecord(selector);
  if (!record) return true;
  return Object.keys(stringMap(record.matchLabels)).length === 0 && asArray(record.matchExpressions).length === 0;
}

/**
 * How close a set of labels comes to a map selector, higher is closer: used to name the closest
 * miss. First how many pairs match; among equals, the smallest edit distance of the values that
 * differ, so `app=apj` names the pods labelled `app=api`, not the first workload in the bundle.
 */
export function mapSelectorScore(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): number {
  const cap = 100;
  let matched = 0;
  let distance = 0;
  for (const [key, value] of Object.entries(selector)) {
    const label = labels[key];
    if (label === value) matched++;
    else distance += label === undefined ? cap : Math.min(cap, editDistance(value, label, cap));
  }
  return matched * cap * (Object.keys(selector).length + 1) - distance;
}

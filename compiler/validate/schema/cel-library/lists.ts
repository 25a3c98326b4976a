/**
 * Kubernetes' lists library (k8s.io/apiserver/pkg/cel/library/lists.go): isSorted, sum, min, max,
 * indexOf, lastIndexOf. `includes` is left out: it belongs to a later version of the library
 * than the one CRD rules get.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { asList, checkedInt, compareScalars, fail, scalarEquals, undecided } from "./values.js";

export function registerLists(environment: Environment, indexOfName: string, lastIndexOfName: string): void {
  environment
    .registerFunction("list.isSorted(): bool", (list: unknown) => {
      const items = asList(list);
      for (let i = 1; i < items.length; i++) if (compareScalars(items[i - 1], items[i]) > 0) return false;
      // A single element is never compared on the server either; only check it is orderable.
      if (items.length === 1) compareScalars(items[0], items[0]);
      return true;
    })
    .registerFunction("list.sum(): dyn", (list: unknown) => sum(asList(list)))
    .registerFunction("list.min(): dyn", (list: unknown) => extreme(asList(list), -1))
    .registerFunction("list.max(): dyn", (list: unknown) => extreme(asList(list), 1))
    .registerFunction(`list.${indexOfName}(dyn): int`, (list: unknown, item: unknown) => BigInt(asList(list).findIndex((x) => scalarEquals(x, item))))
    .registerFunction(`list.${lastIndexOfName}(dyn): int`, (list: unknown, item: unknown) => {
      const items = asList(list);
      for (let i = items.length - 1; i >= 0; i--) if (scalarEquals(items[i], item)) return BigInt(i);
      return -1n;
    });
}

function sum(items: readonly unknown[]): bigint | number {
  // The server's zero comes from the list's declared type (0, 0u, 0.0 or a duration), which an
  // empty list here does not tell.
  if (items.length === 0) undecided("sum of an empty list");
  if (items.every((x) => typeof x === "bigint")) return items.reduce<bigint>((total, x) => checkedInt(total + (x as bigint)), 0n);
  if (items.every((x) => typeof x === "number")) return items.reduce<number>((total, x) => total + (x as number), 0);
  return fail("sum of values other than ints or doubles");
}

/** The first of the smallest (direction -1) or largest (1) elements; an empty list is the server's error too. */
function extreme(items: readonly unknown[], direction: -1 | 1): unknown {
  if (items.length === 0) fail("min or max of an empty list");
  let best = items[0];
  compareScalars(best, best);
  for (const item of items.slice(1)) if (compareScalars(item, best) === direction) best = item;
  return best;
}

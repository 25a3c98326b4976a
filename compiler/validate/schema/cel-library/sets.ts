/** cel-go's sets extension (ext.Sets, Kubernetes 1.29+): lists compared as sets, with CEL's equality. */
import type { Environment } from "@marcbachmann/cel-js";
import { asList, scalarEquals } from "./values.js";

export function registerSets(environment: Environment, name: (fn: string) => string): void {
  const contains = (list: unknown, sub: unknown): boolean => asList(sub).every((x) => asList(list).some((y) => scalarEquals(x, y)));
  environment
    .registerFunction(`${name("sets.contains")}(list, list): bool`, contains)
    .registerFunction(`${name("sets.equivalent")}(list, list): bool`, (a: unknown, b: unknown) => contains(a, b) && contains(b, a))
    .registerFunction(`${name("sets.intersects")}(list, list): bool`, (a: unknown, b: unknown) => asList(b).some((x) => asList(a).some((y) => scalarEquals(x, y))));
}

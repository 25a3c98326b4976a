import type { WorkloadBuild } from "../../core/pattern.js";

/** A short, stable hash of plain data (FNV-1a over canonical JSON), for content-addressed names. */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).slice(0, 10);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Labels on objects a pattern adds for a workload (the workload's selector labels). */
export function labelsFor(build: WorkloadBuild): Record<string, string> {
  return { ...build.selector };
}

/** Cut a generated name to at most `max` characters without a trailing '-'. */
export function fitName(name: string, max = 63): string {
  return name.slice(0, max).replace(/-+$/, "");
}

import { hasDifferences, type BundleDiff } from "./model.js";

/**
 * The machine-readable form (docs/diff.md "JSON output"): stable key order, objects in install
 * order, Secret values only as `<redacted>` (see redact.ts). Added objects carry no content (read the
 * bundle for that); `different` is what `--exit-code` reports.
 */
export function renderJson(diffs: readonly BundleDiff[]): string {
  const doc = {
    apiVersion: "tkc.dev/v1",
    kind: "BundleDiff",
    different: diffs.some(hasDifferences),
    diffs: diffs.map((d) => ({
      from: d.from,
      to: d.to,
      summary: d.summary,
      ...(d.inputs.length > 0 ? { inputs: d.inputs } : {}),
      highlights: d.highlights,
      objects: d.objects.map(({ content: _content, ...object }) => object),
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

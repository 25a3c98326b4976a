import { relative } from "node:path";
import { counted } from "../diagnostics/counted.js";
import { shortDigest } from "./output.js";
import type { EnvironmentReport } from "../model/build.js";

/** One line per environment: what was built and what it means for the release's history. */
export function summaryLine(release: string, built: EnvironmentReport): string {
  const name = `${release}/${built.environment}`;
  const digest = shortDigest(built.digest);
  const where = relative(process.cwd(), built.outDir) || ".";
  const time = `(${Math.round(built.millis)} ms)`;
  if (built.outcome === "checked") return `${name}: ${counted(built.objects, "object")} valid, ${digest} ${time}`;
  const version = `version ${built.manifest.version}`;
  if (built.outcome === "unchanged") return `${name}: unchanged, revision ${built.revision} (${version}), ${counted(built.objects, "object")}, ${digest} in ${where}`;
  const c = built.changes!;
  const note = built.note ? `\n  note: ${built.note}; bump the version to tell the builds apart, or use --strict-version to refuse this` : "";
  return `${name}: revision ${built.revision} (${version}), +${c.added} ~${c.changed} -${c.removed} objects, ${digest} -> ${where} ${time}${note}`;
}

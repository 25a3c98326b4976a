import { relative } from "node:path";
import { shortDigest } from "./output.js";
import type { EnvironmentReport } from "../model/build.js";

/** One line per environment: what was built and what it means for the release's history. */
export function summaryLine(release: string, env: EnvironmentReport): string {
  const name = `${release}/${env.environment}`;
  const digest = shortDigest(env.digest);
  const where = relative(process.cwd(), env.outDir) || ".";
  const time = `(${Math.round(env.millis)} ms)`;
  if (env.outcome === "checked") return `${name}: ${env.objects} objects valid, ${digest} ${time}`;
  const version = `version ${env.manifest.version}`;
  if (env.outcome === "unchanged") return `${name}: unchanged, revision ${env.revision} (${version}), ${env.objects} objects, ${digest} in ${where}`;
  const c = env.changes!;
  const note = env.note ? `\n  note: ${env.note}; bump the version to tell the builds apart, or use --strict-version to refuse this` : "";
  return `${name}: revision ${env.revision} (${version}), +${c.added} ~${c.changed} -${c.removed} objects, ${digest} -> ${where} ${time}${note}`;
}

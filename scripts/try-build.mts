import { build } from "../compiler/pipeline.ts";
import { renderDiagnostic } from "../compiler/diagnostics/render.ts";
const target = process.argv[2];
const r = await build({ target, write: !process.argv.includes("--check") });
for (const d of r.diagnostics) console.log(renderDiagnostic(d, { cwd: process.cwd(), color: false }));
console.log(JSON.stringify(r.environments.map(e => [e.environment, e.objects, e.digest, e.outcome])), r.timings);

import { performance } from "node:perf_hooks";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLocation } from "../model/source.js";
import type { Project } from "../load/project.js";
import * as stdlib from "../../stdlib/index.js";
import { isRelease, type Release } from "../../stdlib/core/release.js";
import { setStackResolver } from "../../stdlib/core/origin.js";
import { bundleDescriptors } from "./bundle.js";
import { createSandbox, type Sandbox } from "./sandbox.js";
import { createStackMapper } from "./stack-map.js";
import { diagnoseThrow } from "./thrown.js";

/** An evaluated project: the release value, and the sandbox to expand it in. */
export interface Evaluation {
  readonly release: Release;
  /** Absolute paths of every file that went into the evaluation. */
  readonly inputs: readonly string[];
  /** Run descriptor callbacks (expansion) under the same time limit and error mapping. */
  readonly call: <T>(fn: () => T, what: string, location: SourceLocation | undefined) => { value?: T; diagnostic?: Diagnostic };
  /**
   * Run one callback per item in a single entry into the sandbox (entering it costs a watchdog
   * thread each time); a throw is reported for its item, a timeout for the item that was running.
   */
  readonly callEach: <I, T>(items: readonly I[], fn: (item: I) => T, describe: (item: I) => { what: string; location: SourceLocation | undefined }) => { values: (T | undefined)[]; diagnostics: Diagnostic[] };
  /** Release the stdlib's hook into this evaluation's source maps. */
  dispose(): void;
}

const frozenStdlib = Object.freeze({ ...stdlib });

export function evaluationTimeoutMs(): number {
  const fromEnv = Number(process.env.TKC_EVAL_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 5000;
}

/**
 * Bundle and run the project's root descriptor in a fresh sandbox; its default export must be a
 * release(). Only runs descriptor code: expansion per environment is the expand stage's job.
 */
export async function evaluate(
  project: Project,
  log: (line: string) => void = (line) => process.stderr.write(line + "\n"),
  timings: Record<string, number> = {},
): Promise<{ evaluation?: Evaluation; diagnostics: Diagnostic[] }> {
  const started = performance.now();
  const bundled = await bundleDescriptors(project.dir, project.entry);
  timings["evaluate.bundle"] = Math.round(performance.now() - started);
  if (!bundled.bundle) return { diagnostics: bundled.diagnostics };
  const { bundle } = bundled;
  const timeoutMs = evaluationTimeoutMs();
  const mapStack = createStackMapper(bundle.map, project.dir, bundle.code);
  const sandbox: Sandbox = createSandbox({ timeoutMs, log: (line) => log(`[descriptor] ${line}`) });
  const entryLocation: SourceLocation = { file: project.entry, line: 1, column: 1 };
  setStackResolver(mapStack.fromFrames);

  const call = <T>(fn: () => T, what: string, location: SourceLocation | undefined) => {
    try {
      return { value: sandbox.run(fn) };
    } catch (thrown) {
      return { diagnostic: diagnoseThrow(thrown, mapStack.fromStack, { location: location ?? entryLocation, what, timeoutMs }) };
    }
  };
  const callEach = <I, T>(items: readonly I[], fn: (item: I) => T, describe: (item: I) => { what: string; location: SourceLocation | undefined }) => {
    const values: (T | undefined)[] = [];
    const diagnostics: Diagnostic[] = [];
    let current = 0;
    try {
      sandbox.run(() => {
        for (current = 0; current < items.length; current++) {
          try {
            values[current] = fn(items[current]!);
          } catch (thrown) {
            const { what, location } = describe(items[current]!);
            diagnostics.push(diagnoseThrow(thrown, mapStack.fromStack, { location: location ?? entryLocation, what, timeoutMs }));
          }
        }
      });
    } catch (thrown) {
      // Only the time limit ends the loop early: it names the item that was running.
      const { what, location } = describe(items[Math.min(current, items.length - 1)]!);
      diagnostics.push(diagnoseThrow(thrown, mapStack.fromStack, { location: location ?? entryLocation, what, timeoutMs }));
    }
    return { values, diagnostics };
  };
  const dispose = () => setStackResolver(undefined);

  const loaded = call(
    () =>
      sandbox.load(bundle.code, (id) => {
        if (id === "tkc") return frozenStdlib;
        if (id === "tkc/k8s" || id === "tkc/crds") return {}; // types only
        throw new Error(`cannot load module "${id}"`);
      }),
    "the descriptor",
    entryLocation,
  );
  timings["evaluate.run"] = Math.round(performance.now() - started) - timings["evaluate.bundle"]!;
  if (loaded.diagnostic) {
    dispose();
    return { diagnostics: [loaded.diagnostic] };
  }
  const exported = loaded.value?.default;
  if (!isRelease(exported)) {
    dispose();
    const got = exported === undefined ? "nothing" : isComponentLike(exported) ? "a single component" : `a ${typeof exported}`;
    return {
      diagnostics: [
        error("TKC2007", `the root descriptor must \`export default release({...})\`, but its default export is ${got}`, {
          location: entryLocation,
          hint: "wrap your components: export default release({ name, version, environments, components: [...] })",
        }),
      ],
    };
  }
  return { evaluation: { release: exported, inputs: bundle.inputs, call, callEach, dispose }, diagnostics: [] };
}

function isComponentLike(value: unknown): boolean {
  return stdlib.isComponent(value);
}

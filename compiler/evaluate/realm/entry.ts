// The stdlib's realm script (dist/stdlib-realm.js): runs inside the evaluation realm after the
// prelude, defines the "tkc" module there, and runs the user's bundle and every expansion in the
// realm, handing out only JSON text. Nothing here is reachable from descriptor code but the
// stdlib's exports, `console` and `__tkcEnter` (which runs nothing while a descriptor runs).
import { intrinsics } from "./intrinsics.js";
import * as stdlib from "../../../stdlib/index.js";
import { isRelease, type Release } from "../../../stdlib/core/release.js";
import { isComponent, unexpandedComponents } from "../../../stdlib/core/component.js";
import { setOriginCapture } from "../../../stdlib/core/origin.js";
import { report, reportedErrors, setThrownByTkc, takeReports } from "../../../stdlib/core/report.js";
import { DescriptorError } from "../../../stdlib/core/errors.js";
import { supplyInputs, takeInputs, type SuppliedValue } from "../../../stdlib/core/input.js";
import { setRenderedDependencies, takeDependencyRequests } from "../../../stdlib/core/dependencies.js";
import { MAX_OBJECT_BYTES, type DraftData, type ReportData, type EnvironmentData, type InputsData, type LoadData, type NotJsonData } from "../data.js";
import { createOriginMapper, type OriginMapper } from "./origins.js";
import { describeThrown } from "./thrown.js";
import { reportsData, thrownReport } from "./reports.js";
import { isLazyLocation, lazyLocation, locationData } from "./location.js";
import { isPackageFile } from "../../model/source.js";
import { toData, TooLarge } from "./to-data.js";

const stringify = JSON.stringify;
const freeze = Object.freeze;

setThrownByTkc(intrinsics.thrownByTkc);
const tkc = freeze({ ...stdlib });
intrinsics.harden(tkc);
const typesOnly = freeze({});

// console: lines go out as strings, formatted here (a toJSON hook runs in the realm). At most
// MAX_LOG_LINES per build: 3 million lines took a build to 14 s and its host to 630 MB, all of it
// printed into the CI log.
const MAX_LOG_LINES = 10_000;
let logs: string[] = [];
let logged = 0;
const print = (...args: unknown[]) => {
  if (logged >= MAX_LOG_LINES) {
    if (logged++ === MAX_LOG_LINES) logs.push("... and more: tkc prints at most 10,000 lines of descriptor output per build");
    return;
  }
  logged++;
  const parts: string[] = [];
  for (const arg of args) {
    let text: string;
    try {
      text = typeof arg === "string" ? arg : (stringify(arg) ?? String(arg));
    } catch {
      try {
        text = String(arg);
      } catch {
        text = "[unprintable]";
      }
    }
    parts.push(text);
  }
  logs.push(parts.join(" "));
};
Object.defineProperty(globalThis, "console", { value: freeze({ log: print, info: print, warn: print, error: print, debug: print }), writable: true, configurable: true });

// What is running now, read by the evaluator process when the time limit ends a phase.
const state = { what: "the descriptor", origin: undefined as unknown };
let mapper: OriginMapper | undefined;
let release: Release | undefined;

function load(factory: (exports: unknown, require: unknown, module: unknown) => void, code: string, map: string, inputs: string, rendered: string): string {
  mapper = createOriginMapper(map, code);
  // What the host rendered (vendored files, helm, kustomize): parsed here, so it is the realm's own data.
  setRenderedDependencies(JSON.parse(rendered));
  const origins = mapper;
  setOriginCapture((skip) => {
    const frames = intrinsics.frames();
    return lazyLocation(() => origins.fromFrames(frames, skip));
  });
  // The build's input values arrive as JSON text and become the realm's own data here.
  supplyInputs(JSON.parse(inputs) as SuppliedValue[]);
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    if (id === "tkc") return tkc;
    if (id === "tkc/k8s" || id === "tkc/crds") return typesOnly;
    throw new Error(`cannot load module "${id}"`);
  };
  let result: LoadData;
  try {
    factory.call(undefined, module.exports, require, module);
    const exported = module.exports.default;
    if (isRelease(exported)) {
      release = exported;
      const environments: Record<string, { namespace: string }> = {};
      for (const name of Object.keys(exported.environments)) environments[name] = { namespace: String(exported.environments[name]!.namespace) };
      result = { ok: true, release: { name: String(exported.name), version: String(exported.version), ...originOf(exported.origin), environments }, inputs: inputsData() };
    } else {
      const got = exported === undefined ? "nothing" : isComponent(exported) ? "a single component" : `a ${typeof exported}`;
      result = { ok: false, exported: got };
    }
  } catch (thrown) {
    result = { ok: false, thrown: describeThrown(thrown, mapper) };
  }
  const reports = reportsData(takeReports(), undefined);
  return stringify(reports.length > 0 ? { ...result, reports } : result);
}

/** The declared inputs as data; their locations are resolved now (there are few, and `tkc inputs` shows them all). */
function inputsData(): InputsData {
  const { declared, problems, used } = takeInputs();
  const problems_ = problems.map((p) => ({ name: p.name, message: p.message, hint: p.hint, location: locationData(p.origin) }));
  const declared_ = declared.map((d) => {
    const environments: Record<string, { value: unknown; source: typeof d.source }> = {};
    for (const [name, env] of Object.entries(d.environments)) environments[name] = { value: toData(env.value, [], MAX_OBJECT_BYTES), source: env.source };
    return { name: d.name, type: toData(d.type, [], MAX_OBJECT_BYTES), default: toData(d.default, [], MAX_OBJECT_BYTES), description: typeof d.description === "string" ? d.description : undefined, perEnvironment: d.perEnvironment, location: locationData(d.origin), value: toData(d.value, [], MAX_OBJECT_BYTES), source: d.source, environments };
  });
  return { declared: declared_, problems: problems_, used: [...used] };
}

// Captured origins of drafts go out as references, resolved only if the host asks (for a
// diagnostic): V8 computes a call site's position by walking its whole function, and most
// origins are never shown.
const refs: unknown[] = [];
const refOf = new Map<unknown, number>();
function originOf(value: unknown): { origin?: DraftData["origin"]; originRef?: number } {
  if (!isLazyLocation(value)) return { origin: locationData(value) };
  let ref = refOf.get(value);
  if (ref === undefined) {
    ref = refs.push(value) - 1;
    refOf.set(value, ref);
  }
  return { originRef: ref };
}

/** Field mappings as data; a mapping's own origin (another call's) goes out like a draft's, as a reference. */
function fieldsData(fields: unknown, problems: NotJsonData[]): DraftData["fields"] {
  if (!Array.isArray(fields)) return undefined;
  try {
    return fields.slice(0, 10_000).map((mapping: unknown) => {
      const [objectPath, optionPath, origin] = Array.isArray(mapping) ? mapping : [];
      const paths = toData([objectPath, optionPath], problems, MAX_OBJECT_BYTES) as [(string | number)[], (string | number)[]];
      return origin === undefined ? paths : [...paths, originOf(origin)];
    }) as DraftData["fields"];
  } catch {
    // mappings only sharpen locations: a component's unreadable ones are dropped
    return undefined;
  }
}

function draftData(draft: { object?: unknown; origin?: unknown; fields?: unknown }): DraftData {
  const { origin, originRef } = originOf(draft.origin);
  const problems: NotJsonData[] = [];
  const fieldProblems: NotJsonData[] = [];
  const fields = draft.fields === undefined ? undefined : fieldsData(draft.fields, fieldProblems);
  try {
    const object = toData(draft.object, problems, MAX_OBJECT_BYTES);
    return { object, origin, originRef, fields, problems: problems.length > 0 ? problems : undefined };
  } catch (thrown) {
    if (!(thrown instanceof TooLarge)) throw thrown;
    const identity = draft.object as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    return { object: { apiVersion: text(identity.apiVersion), kind: text(identity.kind), metadata: { name: text(identity.metadata?.name) } }, origin, originRef, oversized: thrown.bytes };
  }
}

/** TKC2013 for each component the descriptors made that neither the release nor another component expanded. */
function reportUnlisted(current: Release): void {
  for (const component of unexpandedComponents()) {
    // Made by a package (a platform team's library of components): which ones a release takes is the user's choice.
    if (isPackageFile(String(locationData(component.origin)?.file ?? ""))) continue;
    report.warning("TKC2013", `${String(component.type)} '${String(component.name)}' is made here but is not in the components of release '${String(current.name)}', so none of its objects is emitted`, component.origin, {
      hint: "list it in release({ components: [...] }), or remove it",
    });
  }
}

function expand(environment: string): string {
  const drafts: unknown[] = [];
  const thrown: { what: string; location?: ReturnType<typeof locationData>; error: ReturnType<typeof describeThrown> }[] = [];
  const reports: ReportData[] = [];
  takeReports();
  const current = release!;
  state.what = `environment '${environment}'`;
  state.origin = current.origin;
  let context: Parameters<Release["components"][number]["expand"]>[0] | undefined;
  try {
    context = current.contextFor(environment);
    drafts.push(...current.environmentObjects(environment));
  } catch (error) {
    thrown.push({ what: `release '${current.name}'`, location: locationData(current.origin), error: describeThrown(error, mapper) });
  }
  if (context) {
    for (const component of current.components) {
      state.what = `${String(component.type)} '${String(component.name)}'`;
      state.origin = component.origin;
      const errorsBefore = reportedErrors();
      let failed: ReportData | undefined;
      try {
        const made = component.expand(context);
        // A component that reported a mistake emits nothing: its objects would only repeat it.
        if (reportedErrors() === errorsBefore) drafts.push(...made);
      } catch (error) {
        const described = describeThrown(error, mapper);
        if (error instanceof DescriptorError) failed = thrownReport(described, component.origin);
        else thrown.push({ what: state.what, location: locationData(component.origin), error: described });
      }
      reports.push(...reportsData(takeReports(), component.origin));
      if (failed) reports.push(failed);
    }
  }
  state.what = `environment '${environment}'`;
  state.origin = current.origin;
  if (context) reportUnlisted(current);
  const requests = takeDependencyRequests().map(({ key, request, origin }) => ({ key, request, location: locationData(origin) }));
  reports.push(...reportsData(takeReports(), current.origin));
  const data: EnvironmentData = { drafts: drafts.map((draft) => draftData(draft as Parameters<typeof draftData>[0])), thrown, ...(reports.length > 0 ? { reports } : {}), ...(requests.length > 0 ? { requests } : {}) };
  return stringify(data);
}

/** An unhandled rejection's reason, described like a throw. */
const describe = (reason: unknown): string => stringify(describeThrown(reason, mapper));

/** Every origin handed out as a reference, resolved, in reference order. */
const resolveRefs = (): string => stringify(refs.map((origin) => locationData(origin) ?? null));

/** Where the running phase was, for a time limit's message. */
const where = (): string => stringify({ what: state.what, location: locationData(state.origin) ?? null });

// The evaluator process enters the realm only through `__tkcEnter()` (so every entry has the time
// limit); what it runs was prepared through this API, which no descriptor can reach.
let pending: (() => string) | null = null;
const enter = (): string | undefined => {
  const run = pending;
  pending = null;
  return run ? run() : undefined;
};
Object.defineProperty(globalThis, "__tkcEnter", { value: enter, writable: true, configurable: true });

const api = freeze({
  prepareLoad(factory: Parameters<typeof load>[0], code: string, map: string, inputs: string, rendered: string) {
    pending = () => load(factory, code, map, inputs, rendered);
  },
  prepareExpand(environment: string) {
    pending = () => expand(environment);
  },
  prepareDescribe(reason: unknown) {
    pending = () => describe(reason);
  },
  prepareWhere() {
    pending = where;
  },
  prepareResolve() {
    pending = resolveRefs;
  },
  takeLogs(): string {
    const lines = logs;
    logs = [];
    return stringify(lines);
  },
});
intrinsics.seal();
Object.defineProperty(globalThis, "__tkcRealmApi", { value: api, configurable: true });

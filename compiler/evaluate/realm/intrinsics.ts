/** What the prelude left for the stdlib: taken when the realm script starts, before any descriptor. */
interface Intrinsics {
  /** The V8 call sites of the current stack. */
  readonly frames: () => readonly import("./origins.js").CallSite[];
  /** The real Function constructor (descriptors only see a refusing one). */
  readonly Function: FunctionConstructor;
  /** Freeze a value and everything reachable from it, as the prelude froze the built-ins. */
  readonly harden: (value: unknown) => void;
  /** Make every global binding read-only (after the stdlib defined its own). */
  readonly seal: () => void;
  /** True when an error's first frame with a file is in tkc's code, not the descriptor's. */
  readonly thrownByTkc: (error: unknown) => boolean;
}

const holder = globalThis as unknown as { __tkcIntrinsics?: Intrinsics };
export const intrinsics: Intrinsics = holder.__tkcIntrinsics!;
delete holder.__tkcIntrinsics;

// Replaces the free name `Function` in the realm bundle (esbuild `inject`): Handlebars compiles
// templates with it.
export const RealFunction = intrinsics.Function;
export { RealFunction as Function };

// Types of code-cache.cjs (plain JS, so that bin/tkc.cjs can load it before any bundle).
export declare function loadWithCodeCache(file: string): Record<string, unknown>;
export declare function flushCodeCaches(): void;
/** A file's text: read as latin1 when it is ASCII (the same string, without UTF-8 decoding). */
export declare function readSource(file: string): string;
/** Set V8 flags for the rest of the run; code caches loaded afterwards are kept apart under the flags' name. */
export declare function setV8Flags(flags: string): void;

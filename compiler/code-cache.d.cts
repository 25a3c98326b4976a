// Types of code-cache.cjs (plain JS, so that bin/tkc.cjs can load it before any bundle).
export declare function loadWithCodeCache(file: string): Record<string, unknown>;
/** Write the run's new caches; `complete` (a build or check that succeeded) also rewrites caches a lesser run wrote. */
export declare function flushCodeCaches(complete?: boolean): void;
/** A file's text: read as latin1 when it is ASCII (the same string, without UTF-8 decoding). */
export declare function readSource(file: string): string;
/** Set V8 flags for the rest of the run; code caches loaded afterwards are kept apart under the flags' name. */
export declare function setV8Flags(flags: string): void;
/** `tkc-v8cache <size> <mtimeNs> <inode>`: the exact file a cache was made from. */
export declare function cacheIdentity(file: string): string;
/** A cache file's data when its header names this identity; `partial` when no complete run wrote it. */
export declare function readCodeCache(cacheFile: string, identity: string): { cachedData: Buffer | undefined; partial: boolean };
/** Write a cache with its header, through a temp file and a rename; best effort. */
export declare function writeCodeCache(cacheFile: string, identity: string, complete: boolean, data: Buffer): void;

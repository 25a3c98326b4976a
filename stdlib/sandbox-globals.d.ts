// What the evaluation sandbox provides besides the language itself (compiler/evaluate/sandbox.ts):
// `console`, whose methods print one line to stderr, prefixed [descriptor]. Declared the way
// lib.dom and @types/node declare it (an interface and a var), so it merges with either.
interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}
declare var console: Console;

import { isAbsolute, resolve } from "node:path";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { tscHint } from "./hints.js";

// `path(line,col): error TS2322: message`; continuation lines of a chained message are indented.
const HEADER = /^(.+?)\((\d+),(\d+)\): (error|warning|message) (TS\d+): (.*)$/;
const GLOBAL = /^(error|warning) (TS\d+): (.*)$/;

/** Parse `tsc --pretty false` output into diagnostics with absolute file paths. */
export function parseTscOutput(output: string, cwd: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let current: { code: string; severity: string; message: string; file?: string; line?: number; column?: number } | undefined;
  const flush = () => {
    if (!current) return;
    // "No overload matches this call. The last overload gave the following error. <the error>":
    // the stdlib's overloads differ only in per-environment wrapping, so the inner error is the point.
    const overload = /^No overload matches this call\.\n\s*The last overload gave the following error\.\n\s*([\s\S]*)$/.exec(current.message);
    if (current.code === "TS2769" && overload) current.message = overload[1]!.replace(/\n\s{2}/g, "\n");
    const location = current.file ? { file: current.file, line: current.line!, column: current.column! } : undefined;
    const make = current.severity === "error" ? error : warning;
    const hint = tscHint(current.code, current.message);
    diagnostics.push(make(current.code, current.message, { ...(location ? { location } : {}), ...(hint ? { hint } : {}) }));
    current = undefined;
  };
  for (const line of output.split(/\r?\n/)) {
    const header = HEADER.exec(line);
    const global = header ? undefined : GLOBAL.exec(line);
    if (header) {
      flush();
      const file = isAbsolute(header[1]) ? header[1] : resolve(cwd, header[1]);
      current = { file, line: Number(header[2]), column: Number(header[3]), severity: header[4], code: header[5], message: header[6] };
    } else if (global) {
      flush();
      current = { severity: global[1], code: global[2], message: global[3] };
    } else if (current && /^\s+\S/.test(line)) {
      current.message += "\n" + line.replace(/^\s{2}/, "");
    } else if (line.trim() !== "") {
      flush();
    }
  }
  flush();
  return diagnostics;
}

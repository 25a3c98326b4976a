/**
 * The schedule syntax Kubernetes accepts for CronJobs: robfig/cron v3 `ParseStandard`, which is
 * five fields (minute hour day-of-month month day-of-week) or a descriptor. Like robfig, it accepts
 * `?` as `*` in any field, names (JAN-DEC, SUN-SAT, any case) in their own field, `a-b`, `a/n`
 * (a to the field's end), `a-b/n`, `* /n` and comma lists, and `@every <Go duration>`.
 * It rejects what robfig rejects: six fields, `L`, `W`, `#`, day-of-week 7, steps of 0.
 */
interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
// µ and μ written as escapes: one non-ASCII character makes V8 hold the whole bundled CLI as a two-byte string.
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;

/** Why a schedule is rejected, or undefined when Kubernetes would accept it. */
export function cronScheduleProblem(schedule: string): string | undefined {
  const trimmed = schedule.trim();
  if (trimmed === "") return "the schedule is empty";
  if (trimmed.startsWith("@")) {
    if (trimmed.startsWith("@every ")) {
      const duration = trimmed.slice("@every ".length).trim();
      return GO_DURATION.test(duration) ? undefined : `"${duration}" is not a duration such as 90s, 5m or 1h30m`;
    }
    return DESCRIPTORS.has(trimmed) ? undefined : `unknown descriptor "${trimmed}" (use @yearly, @monthly, @weekly, @daily, @hourly or five fields)`;
  }
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5) return `expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`;
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(fields[i]!, FIELDS[i]!);
    if (problem) return `${FIELDS[i]!.name} field "${fields[i]}": ${problem}`;
  }
  return undefined;
}

function fieldProblem(field: string, spec: FieldSpec): string | undefined {
  for (const part of field.split(",")) {
    const problem = rangeProblem(part, spec);
    if (problem) return problem;
  }
  return undefined;
}

function rangeProblem(part: string, spec: FieldSpec): string | undefined {
  const pieces = part.split("/");
  if (pieces.length > 2) return `too many '/' in "${part}"`;
  const [range = "", step] = pieces;
  const bounds = range.split("-");
  if (bounds.length > 2) return `too many '-' in "${part}"`;
  let start: number;
  let end: number;
  if (range === "*" || range === "?") {
    start = spec.min;
    end = spec.max;
  } else {
    const first = valueOf(bounds[0]!, spec);
    if (typeof first === "string") return first;
    start = first;
    end = first;
    if (bounds.length === 2) {
      const second = valueOf(bounds[1]!, spec);
      if (typeof second === "string") return second;
      end = second;
    } else if (step !== undefined) {
      end = spec.max;
    }
  }
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return `step "${step}" is not a number`;
    if (Number(step) === 0) return "a step of 0 is not allowed";
  }
  if (start < spec.min) return `${start} is below the minimum ${spec.min}`;
  if (end > spec.max) return `${end} is above the maximum ${spec.max}`;
  if (start > end) return `range start ${start} is after its end ${end}`;
  return undefined;
}

function valueOf(text: string, spec: FieldSpec): number | string {
  const named = spec.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) return `"${text}" is not a number${spec.names ? " or a name" : ""}`;
  return Number(text);
}

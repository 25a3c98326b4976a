import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { shownJson } from "../../stdlib/core/shown.js";

/**
 * The evaluation limits a user may set in the environment (docs/dsl.md, "Rules of evaluation").
 * Each is a whole number up to a ceiling: past ~24.8 days Node's timers overflow and fire at
 * once, which made a huge time limit end every evaluation at the start as "did not finish".
 */
const SETTINGS = {
  TKC_EVAL_TIMEOUT_MS: { fallback: 5000, max: 1_000_000_000, unit: "milliseconds" },
  TKC_EVAL_MEMORY_MB: { fallback: 2048, max: 1_048_576, unit: "MiB" },
} as const;

export type LimitSetting = keyof typeof SETTINGS;

function parsed(name: LimitSetting, env: NodeJS.ProcessEnv): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return SETTINGS[name].fallback;
  const value = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  return value >= 1 && value <= SETTINGS[name].max ? value : undefined;
}

/** The setting's value, or its default when unset (a malformed one is reported by `limitSettingProblems`). */
export function limitSetting(name: LimitSetting, env: NodeJS.ProcessEnv = process.env): number {
  return parsed(name, env) ?? SETTINGS[name].fallback;
}

/** A malformed limit in the environment: every command reports it before any work. */
export function limitSettingProblems(env: NodeJS.ProcessEnv): Diagnostic[] {
  return (Object.keys(SETTINGS) as LimitSetting[])
    .filter((name) => parsed(name, env) === undefined)
    .map((name) => {
      const { fallback, max, unit } = SETTINGS[name];
      return error("TKC1008", `${name} is ${shownJson(env[name])}: it must be a whole number of ${unit} from 1 to ${max.toLocaleString("en-US")}`, {
        hint: `write a number such as ${fallback} (the default), or unset it`,
      });
    });
}

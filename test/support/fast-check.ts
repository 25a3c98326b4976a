import fc from "fast-check";

// Property tests run with a fixed seed, so the suite gives the same verdict on every run. To explore
// other inputs: TKC_FC_SEED=<integer> for one seed, TKC_FC_SEED=random for a fresh one (printed, so a
// failure can be replayed). A counterexample found that way becomes an explicit regression case.
const requested = process.env.TKC_FC_SEED;
export const seed = requested === "random" ? Math.floor(Math.random() * 0x7fffffff) : requested ? Number(requested) : 20261201;
if (!Number.isSafeInteger(seed)) throw new Error(`TKC_FC_SEED must be an integer or "random", not ${JSON.stringify(requested)}`);
if (requested) process.stderr.write(`# fast-check seed ${seed}\n`);
fc.configureGlobal({ seed });

export default fc;

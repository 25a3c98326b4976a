import { release, configMap } from "tkc";
import accounts from "/etc/passwd";

const leak = configMap({ name: "leak", data: { accounts: String(accounts) } });

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [leak] });

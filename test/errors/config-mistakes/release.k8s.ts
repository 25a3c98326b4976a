import { release } from "tkc";

// The settings are wrong; the descriptor is never reached.
export default release({ name: "config", version: "1.0.0", environments: { dev: { namespace: "config" } }, components: [] });

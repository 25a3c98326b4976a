import { release, configMap } from "tkc";
// values.json has a stray comma: its code frame comes from the text the type checker read.
import values from "./values.json";

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [configMap({ name: "c", data: { a: String(values.replicas) } })] });

import { release } from "tkc";
import { greeting } from "./greeting.k8s.ts";

// greeting.k8s.ts was saved as Windows-1252: a warning at its first such byte, and its name (as
// read: with U+FFFD for the bytes) is not a DNS name.
export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [greeting] });

import { release } from "tkc";
import { worker } from "./設定 #1 %41.k8s.ts";
import { api } from "./api [v2] 100%.k8s.ts";

// File names esbuild's source map writes as URLs: reports in them keep their file and line.
export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [worker, api] });

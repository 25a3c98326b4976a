// A component in a file of its own, imported and never listed: the bundler drops the unused
// import, so the file never runs (no TKC2013 can see it); tsc's unused-import finding says so.
// An unused helper import or local is the editor's business: not reported.
import { configMap, release } from "tkc";
import queue from "./queue.k8s.ts";
import { label } from "./labels.ts";

const unusedLocal = 3;

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case" } },
  // a mistake of its own (an invalid name), so that the case exits 1 as every error case does
  components: [configMap({ name: "Bad_Name", data: {} })],
});

import { limitRange, release } from "tkc";

const defaults = limitRange({
  container: { defaultRequest: { memory: "1Gi" }, default: { memory: "512Mi" } },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [defaults] });

import { job, release } from "tkc";

const importer = job({
  name: "importer",
  image: "registry.example.com/importer:1.0.0",
  restartPolicy: "OnFailure",
  podFailurePolicy: [{ action: "FailJob", onExitCodes: { operator: "In", values: [42] } }],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [importer] });

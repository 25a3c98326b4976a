/** `tkc import yaml`: existing manifests -> a tkc project that builds to the same objects. */
export { readManifests, type Manifest } from "./read-manifests.js";
export { groupApplications, type Application } from "./group.js";
export { planImportProject, type ImportOptions, type ImportPlan } from "./import-project.js";
export { renderReport } from "./report.js";
export { ImportCode } from "./codes.js";

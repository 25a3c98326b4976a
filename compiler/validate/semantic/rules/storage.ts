import type { JsonPath } from "../../../model/path.js";
import { asArray, asRecord, asString, type Json, show } from "../guards.js";
import { isPositive, parseQuantity, qualifiedNameProblem } from "../../../../syntax/index.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

/**
 * TKC3801-3804: PersistentVolumeClaims (standalone and a StatefulSet's claim templates),
 * PersistentVolumes and StorageClasses.
 */
export const storage: SemanticRule = {
  name: "storage",
  kinds: ["PersistentVolumeClaim", "PersistentVolume", "apps/StatefulSet", "storage.k8s.io/StorageClass"],
  check(target, _bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    switch (target.kind) {
      case "PersistentVolumeClaim":
        return checkClaimSpec(spec, ["spec"], report);
      case "StatefulSet":
        // The controller creates these claims for every pod: a claim the server rejects means no pod.
        asArray(spec.volumeClaimTemplates).forEach((claim, i) => {
          const claimSpec = asRecord(asRecord(claim)?.spec);
          if (claimSpec) checkClaimSpec(claimSpec, ["spec", "volumeClaimTemplates", i, "spec"], report);
        });
        return;
      case "PersistentVolume":
        return checkVolume(spec, report);
      case "StorageClass":
        return checkStorageClass(target.object as Json, report);
    }
  },
};

/** Mirrors ValidatePersistentVolumeClaimSpec and validateDataSource / validateDataSourceRef in pkg/apis/core/validation/validation.go. */
function checkClaimSpec(spec: Json, path: JsonPath, report: Reporter): void {
  const modes = asArray(spec.accessModes);
  if (modes.length === 0) {
    report.error("TKC3801", [...path, "accessModes"], "the claim has no accessModes", "set accessModes, e.g. [ReadWriteOnce]");
  } else if (modes.includes("ReadWriteOncePod") && modes.length > 1) {
    report.error("TKC3801", [...path, "accessModes"], "ReadWriteOncePod may not be combined with other access modes", "use ReadWriteOncePod alone");
  }
  const storageRequest = asRecord(asRecord(spec.resources)?.requests)?.storage;
  if (storageRequest === undefined || storageRequest === null) {
    report.error("TKC3801", [...path, "resources", "requests"], "the claim requests no storage (resources.requests.storage)", "request a size, e.g. storage: 10Gi");
  } else {
    const quantity = parseQuantity(storageRequest);
    if (quantity && !isPositive(quantity)) report.error("TKC3801", [...path, "resources", "requests", "storage"], `storage request ${show(storageRequest)} must be greater than zero`, "request a size, e.g. 10Gi");
  }
  for (const field of ["dataSource", "dataSourceRef"]) {
    const source = asRecord(spec[field]);
    if (!source) continue;
    const group = asString(source.apiGroup) ?? "";
    if (group === "" && source.kind !== "PersistentVolumeClaim") {
      report.error("TKC3802", [...path, field, "kind"], `${field} kind ${show(source.kind)} in the core group is not supported; only PersistentVolumeClaim is`, "set apiGroup for other kinds, e.g. snapshot.storage.k8s.io for VolumeSnapshot");
    }
  }
  const dataSource = asRecord(spec.dataSource);
  const dataSourceRef = asRecord(spec.dataSourceRef);
  if (dataSource && dataSourceRef) {
    const same = (asString(dataSource.apiGroup) ?? "") === (asString(dataSourceRef.apiGroup) ?? "") && dataSource.kind === dataSourceRef.kind && dataSource.name === dataSourceRef.name && (dataSourceRef.namespace === undefined || dataSourceRef.namespace === null || dataSourceRef.namespace === "");
    if (!same) report.error("TKC3802", [...path, "dataSource"], "dataSource and dataSourceRef are both set but differ", "set only dataSourceRef");
  }
}

/** Mirrors ValidatePersistentVolumeSpec: a local volume is bound to a node through nodeAffinity. */
function checkVolume(spec: Json, report: Reporter): void {
  if (asRecord(spec.local) && !asRecord(spec.nodeAffinity)) {
    report.error("TKC3803", ["spec", "nodeAffinity"], "a local PersistentVolume needs nodeAffinity naming the node that holds the disk", "add nodeAffinity.required with a kubernetes.io/hostname term");
  }
  if (asArray(spec.accessModes).length === 0) report.error("TKC3803", ["spec", "accessModes"], "the PersistentVolume has no accessModes", "set accessModes, e.g. [ReadWriteOnce]");
  if (asRecord(spec.capacity)?.storage === undefined) {
    report.error("TKC3803", ["spec", "capacity"], "the PersistentVolume has no capacity.storage", "set capacity.storage, e.g. 10Gi");
  }
}

/** Mirrors ValidateStorageClass: a qualified provisioner name, and allowedTopologies terms with values. */
function checkStorageClass(object: Json, report: Reporter): void {
  const provisioner = asString(object.provisioner);
  if (provisioner !== undefined) {
    const problem = qualifiedNameProblem(provisioner.toLowerCase());
    if (problem) report.error("TKC3804", ["provisioner"], `provisioner ${show(provisioner)} is not a qualified name: it ${problem}`, "use the CSI driver's name, e.g. \"ebs.csi.aws.com\"");
  }
  asArray(object.allowedTopologies).forEach((term, i) => {
    asArray(asRecord(term)?.matchLabelExpressions).forEach((entry, j) => {
      const expression = asRecord(entry);
      if (expression && asArray(expression.values).length === 0) {
        report.error("TKC3804", ["allowedTopologies", i, "matchLabelExpressions", j, "values"], `topology expression for ${show(expression.key)} has no values`, "list the allowed values, e.g. zones");
      }
    });
  });
}

import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asArray, asRecord, asString, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

/** Every VolumeSource member of core/v1 Volume. */
const SOURCES = [
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs",
  "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
  "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos",
  "csi", "ephemeral", "image",
];
const MAX_MODE = 0o777;

/**
 * TKC3230-3233: what a volume and a mount may say beyond their shape: one source per volume,
 * relative file paths, file modes, subPath and mount propagation.
 */
export const podVolumeSources: SemanticRule = {
  name: "pod-volume-sources",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    asArray(template.spec.volumes).forEach((entry, i) => {
      const volume = asRecord(entry);
      if (volume) checkVolume(volume, [...template.specPath, "volumes", i], report);
    });
    for (const ref of containersOf(template)) {
      const security = asRecord(ref.container.securityContext);
      asArray(ref.container.volumeMounts).forEach((entry, i) => {
        const mount = asRecord(entry);
        if (mount) checkMount(mount, [...ref.path, "volumeMounts", i], security?.privileged === true, report);
      });
    }
  },
};

/**
 * Mirrors validateVolumeSource in pkg/apis/core/validation/validation.go: exactly one source.
 * A volume with only a name was already given emptyDir by defaulting (SetDefaults_Volume).
 */
function checkVolume(volume: Json, path: JsonPath, report: Reporter): void {
  const sources = Object.keys(volume).filter((key) => SOURCES.includes(key) && volume[key] !== undefined && volume[key] !== null);
  const name = show(volume.name);
  if (sources.length > 1) {
    report.error("TKC3230", [...path, sources[1]!], `volume ${name} has ${sources.length} sources (${sources.join(", ")}); a volume has exactly one`, `keep one source and move the others to volumes of their own`);
  }
  for (const kind of ["configMap", "secret", "downwardAPI", "projected"]) {
    const source = asRecord(volume[kind]);
    if (!source) continue;
    checkMode(source.defaultMode, [...path, kind, "defaultMode"], report);
    if (kind === "projected") {
      asArray(source.sources).forEach((projection, j) => {
        const item = asRecord(projection);
        if (!item) return;
        for (const inner of ["configMap", "secret", "downwardAPI"]) {
          const innerSource = asRecord(item[inner]);
          if (innerSource) checkItems(innerSource, [...path, kind, "sources", j, inner], report);
        }
        for (const single of ["serviceAccountToken", "clusterTrustBundle"]) {
          const file = asString(asRecord(item[single])?.path);
          if (file !== undefined) checkRelativePath(file, [...path, kind, "sources", j, single, "path"], true, report);
        }
      });
    } else checkItems(source, [...path, kind], report);
  }
}

/** Mirrors validateKeyToPath and validateDownwardAPIVolumeFile: relative paths, file modes. */
function checkItems(source: Json, path: JsonPath, report: Reporter): void {
  asArray(source.items).forEach((entry, i) => {
    const item = asRecord(entry);
    if (!item) return;
    const file = asString(item.path);
    if (file !== undefined) checkRelativePath(file, [...path, "items", i, "path"], true, report);
    checkMode(item.mode, [...path, "items", i, "mode"], report);
  });
}

/**
 * Mirrors validateLocalDescendingPath (and validateLocalNonReservedPath when `noDotDotPrefix`):
 * a path inside the volume, never absolute and never climbing out with "..".
 */
function checkRelativePath(file: string, path: JsonPath, noDotDotPrefix: boolean, report: Reporter): void {
  const field = String(path[path.length - 1]);
  // The server splits on '/' only (Go's path package), so Windows-looking paths pass as it does.
  if (file.startsWith("/")) {
    report.error("TKC3231", path, `${field} ${show(file)} is an absolute path; it must be relative to the volume`, `drop the leading '/', e.g. ${show(file.replace(/^\/+/, ""))}`);
  } else if (file.split("/").includes("..")) {
    report.error("TKC3231", path, `${field} ${show(file)} contains '..', which would leave the volume`, "name a file or folder inside the volume, without '..'");
  } else if (noDotDotPrefix && file.startsWith("..")) {
    report.error("TKC3231", path, `${field} ${show(file)} starts with '..', which Kubernetes reserves for its own files`, "choose a name that does not start with '..'");
  }
}

/**
 * Mirrors the file-mode checks of validateConfigMapVolumeSource and friends: 0 to 0777.
 * A value such as 755 is only a warning: YAML 1.1 (kubectl) reads `0755` as octal 493, a YAML 1.2
 * reader as decimal 755, and the text it came from is not known here.
 */
function checkMode(mode: unknown, path: JsonPath, report: Reporter): void {
  if (mode === undefined || mode === null) return;
  if (isInteger(mode) && mode >= 0 && mode <= MAX_MODE) return;
  const field = String(path[path.length - 1]);
  if (isInteger(mode) && /^[0-7]{3,4}$/.test(String(mode)) && parseInt(String(mode), 8) <= MAX_MODE) {
    report.warning("TKC3232", path, `${field} ${mode} is over 0777 (511) if it is decimal; it is valid only if the YAML said 0${mode} (octal, as kubectl reads it)`, `write 0o${mode} in a descriptor, or ${parseInt(String(mode), 8)} in decimal`);
    return;
  }
  report.error("TKC3232", path, `${field} ${show(mode)} is not a file mode between 0 and 0777 (511)`, "use an octal mode such as 0644 (420 in decimal), at most 0777 (511)");
}

/** Mirrors ValidateVolumeMounts and validateMountPropagation / validateMountRecursiveReadOnly. */
function checkMount(mount: Json, path: JsonPath, privileged: boolean, report: Reporter): void {
  const subPath = asString(mount.subPath);
  const subPathExpr = asString(mount.subPathExpr);
  if (subPath) checkRelativePath(subPath, [...path, "subPath"], false, report);
  if (subPathExpr) checkRelativePath(subPathExpr, [...path, "subPathExpr"], false, report);
  if (subPath && subPathExpr) {
    report.error("TKC3231", [...path, "subPathExpr"], "subPath and subPathExpr are both set; they are mutually exclusive", "keep one of them");
  }
  if (mount.mountPropagation === "Bidirectional" && !privileged) {
    report.error("TKC3233", [...path, "mountPropagation"], `Bidirectional mount propagation of ${show(mount.name)} needs a privileged container`, "set securityContext.privileged: true on the container, or use HostToContainer");
  }
  const recursive = mount.recursiveReadOnly;
  if (recursive === "Enabled" || recursive === "IfPossible") {
    if (mount.readOnly !== true) {
      report.error("TKC3233", [...path, "recursiveReadOnly"], `recursiveReadOnly ${show(recursive)} needs readOnly: true`, "set readOnly: true on the mount, or remove recursiveReadOnly");
    }
    if (recursive === "Enabled" && mount.mountPropagation !== undefined && mount.mountPropagation !== null && mount.mountPropagation !== "None") {
      report.error("TKC3233", [...path, "recursiveReadOnly"], `recursiveReadOnly Enabled needs mountPropagation None, not ${show(mount.mountPropagation)}`, "remove mountPropagation, or use recursiveReadOnly: IfPossible");
    }
  }
}

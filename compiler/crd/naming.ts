/**
 * Type names of custom resources: `<GroupPascal><Version><Kind>`, e.g. `monitoring.coreos.com` +
 * `v1` + `ServiceMonitor` -> `MonitoringCoreosComV1ServiceMonitor`. Unlike the core types
 * (schemas/generator/naming.ts), `.k8s.io` is kept: `autoscaling.k8s.io` must not collide with
 * the core `autoscaling` group (`AutoscalingK8sIoV1VerticalPodAutoscaler`).
 */
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `cert-manager.io` -> `CertManagerIo`; digits and case inside a word are kept (`k8s` -> `K8s`). */
export function groupPascal(group: string): string {
  return group
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map(upperFirst)
    .join("");
}

export function customTypeName(group: string, version: string, kind: string): string {
  return groupPascal(group) + upperFirst(version) + upperFirst(kind);
}

/** A TypeScript identifier must not start with a digit; group names such as `3scale.net` do. */
export function safeTypeName(name: string): string {
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

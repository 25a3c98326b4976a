/* Rules for Services, networking, storage, quotas, metadata, RBAC, PriorityClass, Secrets and HPA behavior. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { expectDiagnostic, fullBundle, type Loose, run, service } from "./fixtures.js";

const meta = (name: string, namespace = "shop") => ({ name, namespace });

test("TKC3330: duplicate Service port and protocol", () => {
  const s = service();
  s.spec.ports.push({ name: "dns-udp", port: 80, protocol: "UDP", targetPort: 8080 });
  assert.deepEqual(run([s]).filter((d) => d.severity === "error"), []);
  s.spec.ports[2] = { name: "again", port: 80, targetPort: 8080 };
  expectDiagnostic(run([s]), "TKC3330", "spec.ports[2].port", "Service port 80/TCP is listed twice", { alsoAllowed: ["TKC3301", "TKC3303"] });
});

test("TKC3331: LoadBalancer-only fields", () => {
  const lb = service();
  Object.assign(lb.spec, { type: "LoadBalancer", allocateLoadBalancerNodePorts: false, loadBalancerSourceRanges: ["203.0.113.0/24"], externalTrafficPolicy: "Local", healthCheckNodePort: 30999 });
  assert.deepEqual(run([lb]).filter((d) => d.severity === "error"), []);
  const cluster = (fields: Loose) => { const s = service(); Object.assign(s.spec, fields); return run([s]); };
  const also = { alsoAllowed: ["TKC3301"] };
  expectDiagnostic(cluster({ allocateLoadBalancerNodePorts: true }), "TKC3331", "spec.allocateLoadBalancerNodePorts", "may only be set on a LoadBalancer Service (this one is ClusterIP)", also);
  expectDiagnostic(cluster({ loadBalancerSourceRanges: ["10.0.0.0/8"] }), "TKC3331", "spec.loadBalancerSourceRanges", "may only be set on a LoadBalancer", also);
  expectDiagnostic(cluster({ externalTrafficPolicy: "Local" }), "TKC3331", "spec.externalTrafficPolicy", "reachable from outside", also);
  expectDiagnostic(cluster({ type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0"] }), "TKC3331", "spec.loadBalancerSourceRanges[0]", '"10.0.0.0" is not a CIDR', also);
  expectDiagnostic(cluster({ type: "NodePort", healthCheckNodePort: 30999 }), "TKC3331", "spec.healthCheckNodePort", "externalTrafficPolicy Local", also);
});

test("TKC3332: session affinity", () => {
  const s = service();
  Object.assign(s.spec, { sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds: 3600 } } });
  assert.deepEqual(run([s]).filter((d) => d.severity === "error"), []);
  s.spec.sessionAffinityConfig.clientIP.timeoutSeconds = 90000;
  expectDiagnostic(run([s]), "TKC3332", "spec.sessionAffinityConfig.clientIP.timeoutSeconds", "timeout 90000 must be between 1 and 86400", { alsoAllowed: ["TKC3301"] });
  delete s.spec.sessionAffinity;
  expectDiagnostic(run([s]), "TKC3332", "spec.sessionAffinityConfig", "may not be set when sessionAffinity is None", { alsoAllowed: ["TKC3301"] });
});

test("TKC3333: IP families", () => {
  const s = service();
  Object.assign(s.spec, { ipFamilyPolicy: "PreferDualStack", ipFamilies: ["IPv4", "IPv6"] });
  assert.deepEqual(run([s]).filter((d) => d.severity === "error"), []);
  s.spec.ipFamilyPolicy = "SingleStack";
  expectDiagnostic(run([s]), "TKC3333", "spec.ipFamilyPolicy", "SingleStack allows one IP family", { alsoAllowed: ["TKC3301"] });
  Object.assign(s.spec, { ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4", "IPv4"] });
  expectDiagnostic(run([s]), "TKC3333", "spec.ipFamilies[1]", '"IPv4" is listed twice', { alsoAllowed: ["TKC3301"] });
});

test("TKC3334: Ingress class annotation and ingressClassName", () => {
  const { ingress } = fullBundle();
  ingress.spec.ingressClassName = "nginx";
  assert.deepEqual(run([ingress]).filter((d) => d.severity === "error"), []);
  ingress.metadata.annotations = { "kubernetes.io/ingress.class": "nginx" };
  expectDiagnostic(run([ingress]), "TKC3334", 'metadata.annotations["kubernetes.io/ingress.class"]', "may not be set together with spec.ingressClassName", { alsoAllowed: ["TKC3311"] });
});

test("TKC3335/3336: NetworkPolicy peers and selectors", () => {
  const policy = (peer: Loose) => { const { web, netpol } = fullBundle(); netpol.spec.ingress[0].from = [peer]; return run([web, netpol]); };
  assert.deepEqual(policy({ ipBlock: { cidr: "10.0.0.0/16", except: ["10.0.5.0/24"] } }), []);
  assert.deepEqual(policy({ ipBlock: { cidr: "fd00::/48", except: ["fd00:0:0:1::/64"] } }), []);
  assert.deepEqual(policy({ namespaceSelector: { matchExpressions: [{ key: "team", operator: "In", values: ["a"] }] }, podSelector: {} }), []);
  const from = "spec.ingress[0].from[0]";
  expectDiagnostic(policy({ ipBlock: { cidr: "10.0.0.0/16", except: ["10.1.0.0/24"] } }), "TKC3335", `${from}.ipBlock.except[0]`, '"10.1.0.0/24" is not a strict subset of cidr "10.0.0.0/16"');
  expectDiagnostic(policy({ ipBlock: { cidr: "10.0.0.0/16", except: ["10.0.0.0/16"] } }), "TKC3335", `${from}.ipBlock.except[0]`, "not a strict subset");
  expectDiagnostic(policy({ ipBlock: { cidr: "10.0.0.0" } }), "TKC3335", `${from}.ipBlock.cidr`, '"10.0.0.0" is not a CIDR');
  expectDiagnostic(policy({ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} }), "TKC3335", `${from}.ipBlock`, "may not combine ipBlock with podSelector");
  expectDiagnostic(policy({}), "TKC3335", from, "sets none of podSelector, namespaceSelector and ipBlock");
  expectDiagnostic(policy({ podSelector: { matchExpressions: [{ key: "app", operator: "In" }] } }), "TKC3336", `${from}.podSelector.matchExpressions[0].values`, "operator In needs at least one value");
});

function claim(spec: Loose): Loose {
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: meta("data"), spec };
}

test("TKC3801/3802: PersistentVolumeClaims and their data sources", () => {
  assert.deepEqual(run([claim({ accessModes: ["ReadWriteOncePod"], resources: { requests: { storage: "1Gi" } }, dataSource: { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "snap" } })]), []);
  expectDiagnostic(run([claim({ resources: { requests: { storage: "1Gi" } } })]), "TKC3801", "spec.accessModes", "the claim has no accessModes");
  expectDiagnostic(run([claim({ accessModes: ["ReadWriteOncePod", "ReadOnlyMany"], resources: { requests: { storage: "1Gi" } } })]), "TKC3801", "spec.accessModes", "ReadWriteOncePod may not be combined");
  expectDiagnostic(run([claim({ accessModes: ["ReadWriteOnce"] })]), "TKC3801", "spec.resources.requests", "requests no storage");
  expectDiagnostic(run([claim({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "0" } } })]), "TKC3801", "spec.resources.requests.storage", "must be greater than zero");
  expectDiagnostic(run([claim({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, dataSource: { kind: "VolumeSnapshot", name: "snap" } })]), "TKC3802", "spec.dataSource.kind", '"VolumeSnapshot" in the core group is not supported');
  const { db } = fullBundle();
  delete db.spec.volumeClaimTemplates[0].spec.accessModes;
  expectDiagnostic(run([db]), "TKC3801", "spec.volumeClaimTemplates[0].spec.accessModes", "no accessModes", { alsoAllowed: ["TKC3410"] });
});

test("TKC3803: a local PersistentVolume needs node affinity", () => {
  const pv = (spec: Loose): Loose => ({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "local-1" }, spec: { capacity: { storage: "100Gi" }, accessModes: ["ReadWriteOnce"], local: { path: "/mnt/disks/1" }, ...spec } });
  const affinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-1"] }] }] } };
  assert.deepEqual(run([pv({ nodeAffinity: affinity })]), []);
  expectDiagnostic(run([pv({})]), "TKC3803", "spec.nodeAffinity", "a local PersistentVolume needs nodeAffinity");
});

test("TKC3804: StorageClass provisioner and topologies", () => {
  const sc = (fields: Loose): Loose => ({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com", ...fields });
  assert.deepEqual(run([sc({ allowedTopologies: [{ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["eu-west-1a"] }] }] })]), []);
  expectDiagnostic(run([sc({ provisioner: "ebs csi" })]), "TKC3804", "provisioner", "is not a qualified name");
  expectDiagnostic(run([sc({ allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: [] }] }] })]), "TKC3804", "allowedTopologies[0].matchLabelExpressions[0].values", "has no values");
});

test("TKC3810: LimitRange", () => {
  const lr = (limits: Loose[]): Loose => ({ apiVersion: "v1", kind: "LimitRange", metadata: meta("limits"), spec: { limits } });
  assert.deepEqual(run([lr([{ type: "Container", min: { cpu: "100m" }, defaultRequest: { cpu: "200m" }, default: { cpu: "500m" }, max: { cpu: "2" }, maxLimitRequestRatio: { cpu: "4" } }, { type: "Pod", max: { memory: "4Gi" } }])]), []);
  expectDiagnostic(run([lr([{ type: "Container", default: { memory: "1Gi" }, max: { memory: "512Mi" } }])]), "TKC3810", "spec.limits[0].max.memory", 'memory: default "1Gi" is greater than max "512Mi"');
  expectDiagnostic(run([lr([{ type: "Pod", default: { cpu: "1" } }])]), "TKC3810", "spec.limits[0].default", "may not be set for type Pod");
  expectDiagnostic(run([lr([{ type: "Container", maxLimitRequestRatio: { cpu: "0.5" } }])]), "TKC3810", "spec.limits[0].maxLimitRequestRatio.cpu", "is below 1");
  expectDiagnostic(run([lr([{ type: "Container", max: { cpu: "1" } }, { type: "Container", min: { cpu: "1m" } }])]), "TKC3810", "spec.limits[1].type", '"Container" is listed twice');
});

test("TKC3811: ResourceQuota", () => {
  const rq = (spec: Loose): Loose => ({ apiVersion: "v1", kind: "ResourceQuota", metadata: meta("quota"), spec });
  assert.deepEqual(run([rq({ hard: { pods: "10", "count/deployments.apps": 5, "requests.cpu": "1.5" }, scopes: ["NotTerminating"] })]), []);
  expectDiagnostic(run([rq({ hard: { pods: "2.5" } })]), "TKC3811", "spec.hard.pods", 'pods "2.5" counts objects and must be a whole number');
  expectDiagnostic(run([rq({ hard: { pods: "10" }, scopes: ["Terminating", "NotTerminating"] })]), "TKC3811", "spec.scopes", "scopes Terminating and NotTerminating conflict");
  expectDiagnostic(run([rq({ hard: { pods: "10", "requests.cpu": "1" }, scopes: ["BestEffort"] })]), "TKC3811", 'spec.hard["requests.cpu"]', "a BestEffort quota may only limit pods");
});

test("TKC3111/3112: finalizers and owner references", () => {
  const cm = (metadata: Loose): Loose => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { ...meta("c"), ...metadata }, data: {} });
  const owner = (controller: boolean) => ({ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "0b7f-1", controller });
  assert.deepEqual(run([cm({ finalizers: ["kubernetes", "example.com/cleanup"], ownerReferences: [owner(true), owner(false)] })]), []);
  expectDiagnostic(run([cm({ finalizers: ["cleanup"] })]), "TKC3111", "metadata.finalizers[0]", '"cleanup" is neither a standard finalizer nor domain-qualified', { severity: "warning" });
  expectDiagnostic(run([cm({ finalizers: ["example.com/clean up"] })]), "TKC3111", "metadata.finalizers[0]", "is not a qualified name");
  expectDiagnostic(run([cm({ ownerReferences: [owner(true), owner(true)] })]), "TKC3112", "metadata.ownerReferences[1].controller", "two owner references are marked controller: true");
  expectDiagnostic(run([cm({ ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "p" }] })]), "TKC3112", "metadata.ownerReferences[0].uid", "has no uid");
});

test("TKC3820: PriorityClass", () => {
  const pc = (name: string, value: number): Loose => ({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name }, value });
  assert.deepEqual(run([pc("high", 1000000000)]), []);
  expectDiagnostic(run([pc("higher", 1000000001)]), "TKC3820", "value", "above 1000000000");
  expectDiagnostic(run([pc("system-important", 10)]), "TKC3820", "metadata.name", 'names starting with "system-" are reserved');
});

test("TKC3607: docker config that is not JSON", () => {
  const secret = (data: Loose): Loose => ({ apiVersion: "v1", kind: "Secret", metadata: meta("pull"), type: "kubernetes.io/dockerconfigjson", ...data });
  assert.deepEqual(run([secret({ data: { ".dockerconfigjson": Buffer.from('{"auths":{}}').toString("base64") } })]), []);
  expectDiagnostic(run([secret({ data: { ".dockerconfigjson": Buffer.from("auths: {}").toString("base64") } })]), "TKC3607", 'data[".dockerconfigjson"]', ".dockerconfigjson is not valid JSON");
  expectDiagnostic(run([secret({ stringData: { ".dockerconfigjson": "{auths" } })]), "TKC3607", 'stringData[".dockerconfigjson"]', "is not valid JSON");
});

test("TKC3830/3831: RBAC rules and bindings", () => {
  const role = (kind: string, rules: Loose[]): Loose => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: kind === "Role" ? meta("r") : { name: "r" }, rules });
  assert.deepEqual(run([role("Role", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), role("ClusterRole", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }])]), []);
  expectDiagnostic(run([role("Role", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }])]), "TKC3830", "rules[0].nonResourceURLs", "a Role may not grant nonResourceURLs");
  expectDiagnostic(run([role("ClusterRole", [{ nonResourceURLs: ["/metrics"], resources: ["pods"], apiGroups: [""], verbs: ["get"] }])]), "TKC3830", "rules[0].nonResourceURLs", "may not mix nonResourceURLs");
  expectDiagnostic(run([role("Role", [{ resources: ["pods"], verbs: ["get"] }])]), "TKC3830", "rules[0].apiGroups", "needs apiGroups");
  expectDiagnostic(run([role("Role", [{ apiGroups: [""], resources: ["pods"], verbs: [] }])]), "TKC3830", "rules[0].verbs", "the rule has no verbs");
  const binding = (kind: string, roleRef: Loose, subjects: Loose[]): Loose => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: kind === "RoleBinding" ? meta("b") : { name: "b" }, roleRef, subjects });
  assert.deepEqual(run([binding("ClusterRoleBinding", { kind: "ClusterRole", name: "view" }, [{ kind: "ServiceAccount", name: "web", namespace: "shop" }, { kind: "Group", name: "devs" }])]), []);
  expectDiagnostic(run([binding("ClusterRoleBinding", { kind: "Role", name: "r" }, [])]), "TKC3831", "roleRef.kind", 'roleRef kind "Role" is not allowed in a ClusterRoleBinding');
  expectDiagnostic(run([binding("ClusterRoleBinding", { kind: "ClusterRole", name: "view" }, [{ kind: "ServiceAccount", name: "web" }])]), "TKC3831", "subjects[0].namespace", "needs a namespace");
  expectDiagnostic(run([binding("RoleBinding", { kind: "Role", name: "r" }, [{ kind: "User", name: "jane", apiGroup: "" + "v1" }])]), "TKC3831", "subjects[0].apiGroup", "a User subject's apiGroup must be rbac.authorization.k8s.io");
  expectDiagnostic(run([binding("RoleBinding", { kind: "Role", name: "r" }, [{ kind: "Robot", name: "r2" }])]), "TKC3831", "subjects[0].kind", '"Robot" is not ServiceAccount, User or Group');
});

test("TKC3506: HPA behavior", () => {
  const { hpa } = fullBundle();
  hpa.spec.behavior = { scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] }, scaleUp: { selectPolicy: "Max" } };
  assert.deepEqual(run([hpa]).filter((d) => d.severity === "error"), []);
  const also = { alsoAllowed: ["TKC3501"] };
  hpa.spec.behavior.scaleDown.stabilizationWindowSeconds = 7200;
  expectDiagnostic(run([hpa]), "TKC3506", "spec.behavior.scaleDown.stabilizationWindowSeconds", "7200 must be between 0 and 3600", also);
  hpa.spec.behavior.scaleDown = { policies: [{ type: "Percent", value: 0, periodSeconds: 2000 }] };
  expectDiagnostic(run([hpa]), "TKC3506", "spec.behavior.scaleDown.policies[0].value", "value 0 must be greater than 0", also);
  expectDiagnostic(run([hpa]), "TKC3506", "spec.behavior.scaleDown.policies[0].periodSeconds", "periodSeconds 2000 must be between 1 and 1800", also);
  hpa.spec.behavior.scaleDown = { policies: [] };
  expectDiagnostic(run([hpa]), "TKC3506", "spec.behavior.scaleDown.policies", "policies is empty", also);
});

test("TKC3337: Service IP addresses", () => {
  const s = service();
  Object.assign(s.spec, { clusterIP: "10.96.0.20", clusterIPs: ["10.96.0.20", "fd00::20"], ipFamilyPolicy: "PreferDualStack", externalIPs: ["203.0.113.7"] });
  assert.deepEqual(run([s]).filter((d) => d.severity === "error"), []);
  const also = { alsoAllowed: ["TKC3301"] };
  const bad = (fields: Loose) => { const t = service(); Object.assign(t.spec, fields); return run([t]); };
  expectDiagnostic(bad({ clusterIP: "auto" }), "TKC3337", "spec.clusterIP", 'clusterIP "auto" is not an IP address', also);
  expectDiagnostic(bad({ clusterIP: "10.96.0.20", clusterIPs: ["10.96.0.21"] }), "TKC3337", "spec.clusterIPs[0]", "must equal clusterIP", also);
  expectDiagnostic(bad({ externalIPs: ["lb.example.com"] }), "TKC3337", "spec.externalIPs[0]", '"lb.example.com" is not an IP address', also);
});

test("TKC3338: an Ingress routes somewhere", () => {
  const { ingress } = fullBundle();
  ingress.spec = { defaultBackend: { service: { name: "web", port: { number: 80 } } } };
  assert.deepEqual(run([ingress]).filter((d) => d.severity === "error"), []);
  ingress.spec = { ingressClassName: "nginx" };
  expectDiagnostic(run([ingress]), "TKC3338", "spec", "neither rules nor a defaultBackend");
});

test("TKC3840: CustomResourceDefinition names, as the apiextensions server checks them", () => {
  const crd = (spec: Loose, name = "widgets.example.com") => ({
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name },
    spec: { group: "example.com", scope: "Namespaced", names: { plural: "widgets", kind: "Widget" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }], ...spec },
  });
  // What every real operator's CRD does: a mixed-case kind, defaulted singular and listKind, short names.
  assert.deepEqual(run([crd({ names: { plural: "widgets", singular: "widget", kind: "WidgetSet", listKind: "WidgetSetList", shortNames: ["wd"], categories: ["all"] } })]), []);
  expectDiagnostic(run([crd({ group: "example" })]), "TKC3840", "spec.group", 'spec.group "example" is not valid: it must be a domain with at least one dot');
  expectDiagnostic(run([crd({ group: "../x" })]), "TKC3840", "spec.group", "each dot-separated part starting and ending with a letter or digit");
  expectDiagnostic(run([crd({ names: { plural: "../../pwn", kind: "Widget" } })]), "TKC3840", "spec.names.plural", 'spec.names.plural "../../pwn" is not valid');
  expectDiagnostic(run([crd({ names: { plural: "widgets", kind: "Wid\nget" } })]), "TKC3840", "spec.names.kind", "must be letters, digits and '-'");
  expectDiagnostic(run([crd({ names: { plural: "widgets", kind: "Widget", listKind: "Widget" } })]), "TKC3840", "spec.names.listKind", "is the same as kind");
  expectDiagnostic(run([crd({ names: { plural: "widgets", kind: "Widget", shortNames: ["W"] } })]), "TKC3840", "spec.names.shortNames[0]", 'spec.names.shortNames[0] "W" is not valid');
  expectDiagnostic(run([crd({}, "widget.example.com")]), "TKC3840", "metadata.name", 'it must be spec.names.plural + "." + spec.group');
  const version = (name: string, storage: boolean) => ({ name, served: true, storage, schema: { openAPIV3Schema: { type: "object" } } });
  expectDiagnostic(run([crd({ versions: [version("v1", true), version("v1", false)] })]), "TKC3840", "spec.versions[1].name", 'version "v1" is listed twice');
  expectDiagnostic(run([crd({ versions: [version("1.0", true)] })]), "TKC3840", "spec.versions[0].name", 'version name "1.0" is not valid');
  expectDiagnostic(run([crd({ versions: [version("v1", false), version("v2", false)] })]), "TKC3840", "spec.versions", "no version is marked as the storage version");
});

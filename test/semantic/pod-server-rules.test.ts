/* Pod rules mirrored from pkg/apis/core/validation: one valid and one invalid case each. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { deployment, expectDiagnostic, type Loose, run } from "./fixtures.js";

const SPEC = "spec.template.spec";
const APP = `${SPEC}.containers[0]`;

function web(change: (spec: Loose, app: Loose) => void): Loose[] {
  const d = deployment();
  change(d.spec.template.spec, d.spec.template.spec.containers[0]);
  return [d];
}

test("TKC3230: one source per volume", () => {
  assert.deepEqual(run(web((spec) => spec.volumes.push({ name: "cache", emptyDir: { medium: "Memory" } }))), []);
  expectDiagnostic(run(web((spec) => (spec.volumes[0].secret = { secretName: "web" }))), "TKC3230", `${SPEC}.volumes[0].secret`, 'volume "config" has 2 sources (configMap, secret)');
});

test("TKC3231: item paths and subPath stay inside the volume", () => {
  assert.deepEqual(run(web((spec, app) => { spec.volumes[0].configMap.items = [{ key: "a", path: "conf/app.properties" }]; app.volumeMounts[0].subPath = "conf"; })), []);
  expectDiagnostic(run(web((spec) => (spec.volumes[0].configMap.items = [{ key: "a", path: "/etc/app" }]))), "TKC3231", `${SPEC}.volumes[0].configMap.items[0].path`, 'path "/etc/app" is an absolute path');
  expectDiagnostic(run(web((spec) => (spec.volumes[0].configMap.items = [{ key: "a", path: "conf/../../x" }]))), "TKC3231", `${SPEC}.volumes[0].configMap.items[0].path`, "contains '..'");
  expectDiagnostic(run(web((spec) => (spec.volumes[0].configMap.items = [{ key: "a", path: "..data" }]))), "TKC3231", `${SPEC}.volumes[0].configMap.items[0].path`, "starts with '..'");
  expectDiagnostic(run(web((_spec, app) => (app.volumeMounts[0].subPath = "../etc"))), "TKC3231", `${APP}.volumeMounts[0].subPath`, 'subPath "../etc" contains');
  expectDiagnostic(run(web((_spec, app) => Object.assign(app.volumeMounts[0], { subPath: "a", subPathExpr: "$(POD_NAME)" }))), "TKC3231", `${APP}.volumeMounts[0].subPathExpr`, "mutually exclusive");
});

test("TKC3232: file modes between 0 and 0777", () => {
  assert.deepEqual(run(web((spec) => (spec.volumes[0].configMap.defaultMode = 0o755))), []);
  expectDiagnostic(run(web((spec) => (spec.volumes[0].configMap.defaultMode = 1000))), "TKC3232", `${SPEC}.volumes[0].configMap.defaultMode`, "defaultMode 1000 is not a file mode between 0 and 0777");
  expectDiagnostic(run(web((spec) => (spec.volumes[0].configMap.items = [{ key: "a", path: "a", mode: -1 }]))), "TKC3232", `${SPEC}.volumes[0].configMap.items[0].mode`, "mode -1 is not a file mode");
  const octalLooking = expectDiagnostic(run(web((spec) => (spec.volumes[0].configMap.defaultMode = 755))), "TKC3232", `${SPEC}.volumes[0].configMap.defaultMode`, "valid only if the YAML said 0755", { severity: "warning" });
  assert.match(octalLooking.hint ?? "", /0o755.*493/);
});

test("TKC3233: mount propagation and recursive read-only", () => {
  assert.deepEqual(run(web((_spec, app) => { app.volumeMounts[0].mountPropagation = "Bidirectional"; app.securityContext = { privileged: true }; })), []);
  expectDiagnostic(run(web((_spec, app) => (app.volumeMounts[0].mountPropagation = "Bidirectional"))), "TKC3233", `${APP}.volumeMounts[0].mountPropagation`, "needs a privileged container");
  assert.deepEqual(run(web((_spec, app) => Object.assign(app.volumeMounts[0], { readOnly: true, recursiveReadOnly: "Enabled" }))), []);
  expectDiagnostic(run(web((_spec, app) => (app.volumeMounts[0].recursiveReadOnly = "IfPossible"))), "TKC3233", `${APP}.volumeMounts[0].recursiveReadOnly`, "needs readOnly: true");
});

test("TKC3234/3235: host port conflicts and hostNetwork ports", () => {
  const sidecar = { name: "proxy", image: "envoy:1.30", ports: [{ containerPort: 9901, hostPort: 8080 }] };
  assert.deepEqual(run(web((spec, app) => { app.ports[0].hostPort = 8080; spec.containers.push({ ...sidecar, ports: [{ containerPort: 9901, hostPort: 8080, protocol: "UDP" }] }); })), []);
  expectDiagnostic(run(web((spec, app) => { app.ports[0].hostPort = 8080; spec.containers.push(sidecar); })), "TKC3234", `${SPEC}.containers[1].ports[0].hostPort`, "hostPort 8080/TCP is used twice");
  assert.deepEqual(run(web((spec, app) => { spec.hostNetwork = true; app.ports[0].hostPort = 8080; })), []);
  expectDiagnostic(run(web((spec, app) => { spec.hostNetwork = true; app.ports[0].hostPort = 80; })), "TKC3235", `${APP}.ports[0].hostPort`, "hostPort 80 of container \"app\" differs from its containerPort 8080");
});

test("TKC3236: sysctls", () => {
  assert.deepEqual(run(web((spec) => (spec.securityContext = { sysctls: [{ name: "net.ipv4.tcp_syncookies", value: "1" }] }))), []);
  expectDiagnostic(run(web((spec) => { spec.hostNetwork = true; spec.securityContext = { sysctls: [{ name: "net.core.somaxconn", value: "1024" }] }; })), "TKC3236", `${SPEC}.securityContext.sysctls[0].name`, "may not be set when hostNetwork is true");
  expectDiagnostic(run(web((spec) => (spec.securityContext = { sysctls: [{ name: "Net.Core", value: "1" }] }))), "TKC3236", `${SPEC}.securityContext.sysctls[0].name`, "not a valid sysctl name");
});

test("TKC3237/3238: DNS policy and config", () => {
  assert.deepEqual(run(web((spec) => { spec.dnsPolicy = "None"; spec.dnsConfig = { nameservers: ["10.0.0.10", "fd00::10"], searches: ["svc.cluster.local."], options: [{ name: "ndots", value: "2" }] }; })), []);
  expectDiagnostic(run(web((spec) => (spec.dnsPolicy = "None"))), "TKC3237", `${SPEC}.dnsPolicy`, "dnsPolicy None needs a dnsConfig");
  expectDiagnostic(run(web((spec) => { spec.dnsPolicy = "None"; spec.dnsConfig = { searches: ["a.local"] }; })), "TKC3237", `${SPEC}.dnsConfig.nameservers`, "at least one nameserver");
  expectDiagnostic(run(web((spec) => (spec.dnsConfig = { nameservers: ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"] }))), "TKC3238", `${SPEC}.dnsConfig.nameservers`, "4 nameservers; at most 3");
  expectDiagnostic(run(web((spec) => (spec.dnsConfig = { nameservers: ["dns.google"] }))), "TKC3238", `${SPEC}.dnsConfig.nameservers[0]`, '"dns.google" is not an IP address');
  expectDiagnostic(run(web((spec) => (spec.dnsConfig = { searches: Array.from({ length: 33 }, (_, i) => `s${i}.local`) }))), "TKC3238", `${SPEC}.dnsConfig.searches`, "33 search domains; at most 32");
  expectDiagnostic(run(web((spec) => (spec.dnsConfig = { searches: ["Bad_Domain"] }))), "TKC3238", `${SPEC}.dnsConfig.searches[0]`, "not a valid DNS name");
  expectDiagnostic(run(web((spec) => (spec.dnsConfig = { options: [{ value: "2" }] }))), "TKC3238", `${SPEC}.dnsConfig.options[0].name`, "option has no name");
});

test("TKC3239: host aliases", () => {
  assert.deepEqual(run(web((spec) => (spec.hostAliases = [{ ip: "127.0.0.1", hostnames: ["foo.local", "bar"] }]))), []);
  expectDiagnostic(run(web((spec) => (spec.hostAliases = [{ ip: "localhost", hostnames: ["foo.local"] }]))), "TKC3239", `${SPEC}.hostAliases[0].ip`, '"localhost" is not an IP address');
  expectDiagnostic(run(web((spec) => (spec.hostAliases = [{ ip: "10.1.2.3", hostnames: ["Foo_Bar"] }]))), "TKC3239", `${SPEC}.hostAliases[0].hostnames[0]`, "not a valid DNS name");
});

test("TKC3240-3242: probes, hooks and sleeps", () => {
  const probe = { httpGet: { path: "/", port: 8080 } };
  assert.deepEqual(run(web((spec) => Object.assign(spec.initContainers[0], { restartPolicy: "Always", readinessProbe: probe, lifecycle: { preStop: { sleep: { seconds: 5 } } } }))), []);
  expectDiagnostic(run(web((spec) => (spec.initContainers[0].livenessProbe = probe))), "TKC3240", `${SPEC}.initContainers[0].livenessProbe`, 'init container "migrate" sets livenessProbe');
  assert.deepEqual(run(web((_spec, app) => (app.livenessProbe.terminationGracePeriodSeconds = 10))), []);
  expectDiagnostic(run(web((_spec, app) => (app.readinessProbe.terminationGracePeriodSeconds = 10))), "TKC3241", `${APP}.readinessProbe.terminationGracePeriodSeconds`, "only liveness and startup probes may set");
  expectDiagnostic(run(web((spec, app) => { spec.terminationGracePeriodSeconds = 20; app.lifecycle = { preStop: { sleep: { seconds: 25 } } }; })), "TKC3242", `${APP}.lifecycle.preStop.sleep.seconds`, "25 seconds, longer than terminationGracePeriodSeconds 20");
  expectDiagnostic(run(web((_spec, app) => (app.lifecycle = { postStart: { sleep: { seconds: -1 } } }))), "TKC3242", `${APP}.lifecycle.postStart.sleep.seconds`, "must not be negative");
});

test("TKC3243/3244: downward API paths", () => {
  const env = (valueFrom: Loose) => web((_spec, app) => app.env.push({ name: "X", valueFrom }));
  assert.deepEqual(run(env({ fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } })), []);
  assert.deepEqual(run(env({ fieldRef: { apiVersion: "v1", fieldPath: "status.podIPs" } })), []);
  assert.deepEqual(run(env({ resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } })), []);
  const at = `${APP}.env[2].valueFrom`;
  expectDiagnostic(run(env({ fieldRef: { fieldPath: "metadata.labels" } })), "TKC3243", `${at}.fieldRef.fieldPath`, 'fieldPath "metadata.labels" is not a pod field');
  expectDiagnostic(run(env({ fieldRef: { fieldPath: "spec.containers[0].image" } })), "TKC3243", `${at}.fieldRef.fieldPath`, "is not a pod field");
  expectDiagnostic(run(env({ fieldRef: { fieldPath: "metadata.labels['bad key']" } })), "TKC3243", `${at}.fieldRef.fieldPath`, "invalid label key");
  expectDiagnostic(run(env({ fieldRef: { apiVersion: "v2", fieldPath: "metadata.name" } })), "TKC3243", `${at}.fieldRef.apiVersion`, 'apiVersion "v2" is not supported');
  expectDiagnostic(run(env({ resourceFieldRef: { resource: "limits.gpu" } })), "TKC3244", `${at}.resourceFieldRef.resource`, '"limits.gpu" is not one a container can read');
  const volume = web((spec) => spec.volumes.push({ name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } }));
  assert.deepEqual(run(volume), []);
  const badVolume = web((spec) => spec.volumes.push({ name: "info", downwardAPI: { items: [{ path: "ip", fieldRef: { fieldPath: "status.podIP" } }] } }));
  expectDiagnostic(run(badVolume), "TKC3243", `${SPEC}.volumes[1].downwardAPI.items[0].fieldRef.fieldPath`, '"status.podIP" is not a pod field');
});

test("TKC3245/3246: extended resources and resource names", () => {
  assert.deepEqual(run(web((_spec, app) => { app.resources.requests["nvidia.com/gpu"] = 1; app.resources.limits["nvidia.com/gpu"] = "1"; app.resources.limits["hugepages-2Mi"] = "100Mi"; })), []);
  expectDiagnostic(run(web((_spec, app) => (app.resources.requests["nvidia.com/gpu"] = 1))), "TKC3245", `${APP}.resources.requests["nvidia.com/gpu"]`, "requests nvidia.com/gpu without a limit");
  expectDiagnostic(run(web((_spec, app) => { app.resources.requests["hugepages-2Mi"] = "50Mi"; app.resources.limits["hugepages-2Mi"] = "100Mi"; })), "TKC3245", `${APP}.resources.requests.hugepages-2Mi`, "the two must be equal");
  expectDiagnostic(run(web((_spec, app) => (app.resources.limits.gpu = 1))), "TKC3246", `${APP}.resources.limits.gpu`, 'resource name "gpu" of container "app" is not a standard resource');
});

test("TKC3247: tolerations", () => {
  assert.deepEqual(run(web((spec) => (spec.tolerations = [{ operator: "Exists" }, { key: "dedicated", value: "gpu", effect: "NoSchedule" }, { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }]))), []);
  expectDiagnostic(run(web((spec) => (spec.tolerations = [{ value: "x" }]))), "TKC3247", `${SPEC}.tolerations[0].operator`, "a toleration with no key must use operator Exists");
  expectDiagnostic(run(web((spec) => (spec.tolerations = [{ key: "a", operator: "Exists", value: "x" }]))), "TKC3247", `${SPEC}.tolerations[0].value`, "must be empty when the operator is Exists");
  expectDiagnostic(run(web((spec) => (spec.tolerations = [{ key: "a", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 10 }]))), "TKC3247", `${SPEC}.tolerations[0].tolerationSeconds`, "needs effect NoExecute");
  expectDiagnostic(run(web((spec) => (spec.tolerations = [{ key: "a b", operator: "Exists" }]))), "TKC3247", `${SPEC}.tolerations[0].key`, "not a valid taint key");
});

test("TKC3248/3249: node and pod affinity", () => {
  const term = (expr: Loose) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr] }] } } });
  const at = `${SPEC}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]`;
  assert.deepEqual(run(web((spec) => (spec.affinity = term({ key: "kubernetes.io/arch", operator: "In", values: ["amd64"] })))), []);
  expectDiagnostic(run(web((spec) => (spec.affinity = term({ key: "kubernetes.io/arch", operator: "In", values: [] })))), "TKC3248", `${at}.matchExpressions[0].values`, "operator In needs at least one value");
  expectDiagnostic(run(web((spec) => (spec.affinity = term({ key: "gpu", operator: "Exists", values: ["1"] })))), "TKC3248", `${at}.matchExpressions[0].values`, "operator Exists takes no values");
  expectDiagnostic(run(web((spec) => (spec.affinity = term({ key: "cores", operator: "Gt", values: ["4", "8"] })))), "TKC3248", `${at}.matchExpressions[0].values`, "exactly one value (it has 2)");
  expectDiagnostic(run(web((spec) => (spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }))), "TKC3248", `${SPEC}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`, "has no nodeSelectorTerms");
  expectDiagnostic(run(web((spec) => (spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.labels", operator: "In", values: ["a"] }] }] } } }))), "TKC3248", `${at}.matchFields[0].key`, "only metadata.name is");
  const anti = (weight: number, topologyKey: string) => ({ podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: { topologyKey, labelSelector: { matchLabels: { app: "web" } } } }] } });
  assert.deepEqual(run(web((spec) => (spec.affinity = anti(100, "kubernetes.io/hostname")))), []);
  const pref = `${SPEC}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]`;
  expectDiagnostic(run(web((spec) => (spec.affinity = anti(0, "kubernetes.io/hostname")))), "TKC3249", `${pref}.weight`, "affinity weight 0 must be between 1 and 100");
  expectDiagnostic(run(web((spec) => (spec.affinity = anti(10, "")))), "TKC3248", `${pref}.podAffinityTerm.topologyKey`, "has no topologyKey");
});

test("TKC3250: topology spread constraints", () => {
  const spread = (c: Loose) => web((spec) => (spec.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } }, ...c }]));
  const at = `${SPEC}.topologySpreadConstraints[0]`;
  assert.deepEqual(run(spread({ minDomains: 3 })), []);
  expectDiagnostic(run(spread({ maxSkew: 0 })), "TKC3250", `${at}.maxSkew`, "maxSkew 0 must be greater than 0");
  expectDiagnostic(run(spread({ minDomains: 2, whenUnsatisfiable: "ScheduleAnyway" })), "TKC3250", `${at}.minDomains`, "minDomains needs whenUnsatisfiable DoNotSchedule");
  expectDiagnostic(run(spread({ minDomains: 0 })), "TKC3250", `${at}.minDomains`, "minDomains 0 must be greater than 0");
  expectDiagnostic(run(spread({ topologyKey: "" })), "TKC3250", `${at}.topologyKey`, "has no topologyKey");
  const twice = web((spec) => (spec.topologySpreadConstraints = [1, 2].map((maxSkew) => ({ maxSkew, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" }))));
  expectDiagnostic(run(twice), "TKC3250", `${SPEC}.topologySpreadConstraints[1]`, 'two topology spread constraints use topologyKey "zone"');
});

test("TKC3251-3254: security context", () => {
  assert.deepEqual(run(web((spec, app) => { spec.securityContext = { runAsUser: 1000, runAsGroup: 0, fsGroup: 2000, supplementalGroups: [3000], seccompProfile: { type: "Localhost", localhostProfile: "profiles/app.json" } }; app.securityContext = { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"] } }; })), []);
  expectDiagnostic(run(web((spec) => (spec.securityContext = { runAsUser: -1 }))), "TKC3251", `${SPEC}.securityContext.runAsUser`, "runAsUser -1 is not a valid id");
  expectDiagnostic(run(web((spec) => (spec.securityContext = { supplementalGroups: [1, 4294967296] }))), "TKC3251", `${SPEC}.securityContext.supplementalGroups[1]`, "supplementalGroups 4294967296 is not a valid id");
  expectDiagnostic(run(web((_spec, app) => (app.securityContext = { privileged: true, allowPrivilegeEscalation: false }))), "TKC3252", `${APP}.securityContext.allowPrivilegeEscalation`, "is privileged but sets allowPrivilegeEscalation: false");
  expectDiagnostic(run(web((_spec, app) => (app.securityContext = { capabilities: { add: ["CAP_SYS_ADMIN"] }, allowPrivilegeEscalation: false }))), "TKC3252", `${APP}.securityContext.allowPrivilegeEscalation`, "adds CAP_SYS_ADMIN");
  expectDiagnostic(run(web((spec) => (spec.securityContext = { seccompProfile: { type: "Localhost" } }))), "TKC3253", `${SPEC}.securityContext.seccompProfile.localhostProfile`, "type Localhost needs localhostProfile");
  expectDiagnostic(run(web((_spec, app) => (app.securityContext = { appArmorProfile: { type: "RuntimeDefault", localhostProfile: "x" } }))), "TKC3253", `${APP}.securityContext.appArmorProfile.localhostProfile`, "may only be set with type Localhost");
  assert.deepEqual(run(web((spec) => { spec.os = { name: "windows" }; spec.securityContext = { windowsOptions: { runAsUserName: "ContainerUser" } }; })), []);
  expectDiagnostic(run(web((spec) => { spec.os = { name: "linux" }; spec.securityContext = { windowsOptions: { runAsUserName: "ContainerUser" } }; })), "TKC3254", `${SPEC}.securityContext.windowsOptions`, "whose os.name is linux");
  expectDiagnostic(run(web((spec, app) => { spec.os = { name: "windows" }; app.securityContext = { runAsUser: 1000 }; })), "TKC3254", `${APP}.securityContext.runAsUser`, "whose os.name is windows");
});

test("TKC3255: image with whitespace", () => {
  expectDiagnostic(run(web((_spec, app) => (app.image = " registry.example.com/shop/web:1.4.2"))), "TKC3255", `${APP}.image`, "has leading or trailing whitespace");
});

test("TKC3256: ephemeral containers on create", () => {
  expectDiagnostic(run(web((spec) => (spec.ephemeralContainers = [{ name: "debug", image: "busybox:1.36" }]))), "TKC3256", `${SPEC}.ephemeralContainers`, "may not be set in a pod template");
  const pod: Loose = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "shop" }, spec: { containers: [{ name: "app", image: "shop/app:1.0" }] } };
  assert.deepEqual(run([pod]), []);
  pod.spec.ephemeralContainers = [{ name: "debug", image: "busybox:1.36" }];
  expectDiagnostic(run([pod]), "TKC3256", "spec.ephemeralContainers", "may not be set in a Pod on create");
});

test("TKC3257: host namespaces", () => {
  assert.deepEqual(run(web((spec) => { spec.hostUsers = false; spec.shareProcessNamespace = true; })), []);
  expectDiagnostic(run(web((spec) => { spec.hostUsers = false; spec.hostNetwork = true; })), "TKC3257", `${SPEC}.hostNetwork`, "hostNetwork may not be true when hostUsers is false");
  expectDiagnostic(run(web((spec) => { spec.hostPID = true; spec.shareProcessNamespace = true; })), "TKC3257", `${SPEC}.shareProcessNamespace`, "shareProcessNamespace and hostPID may not both be true");
});

test("TKC3258: one handler per lifecycle hook", () => {
  assert.deepEqual(run(web((_spec, app) => (app.lifecycle = { preStop: { exec: { command: ["sleep", "5"] } }, postStart: { httpGet: { path: "/warm", port: 8080 } } }))), []);
  expectDiagnostic(run(web((_spec, app) => (app.lifecycle = { preStop: {} }))), "TKC3258", `${APP}.lifecycle.preStop`, 'preStop hook of container "app" has no handler');
  expectDiagnostic(run(web((_spec, app) => (app.lifecycle = { postStart: { exec: { command: ["true"] }, sleep: { seconds: 1 } } }))), "TKC3258", `${APP}.lifecycle.postStart`, "has 2 handlers (exec, sleep)");
});

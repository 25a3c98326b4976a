/**
 * Generates an N-service workload three ways that produce equivalent Kubernetes objects:
 *
 * - `tkc/`:   one `svc-NNNN.k8s.ts` descriptor per service plus a root `release.k8s.ts` that imports
 *             them all, and a `tkc.config.json` (one environment, `bench`).
 * - `helm/`:  a chart whose values.yaml lists the N services and whose templates `range` over them.
 * - `cdk8s/`: a cdk8s app (plain JavaScript, `cdk8s` ApiObjects) looping over `services.json`.
 *
 * Per service: Deployment (readiness + liveness probes, resources, env from a ConfigMap via
 * envFrom, the restricted securityContext), Service, ConfigMap, HorizontalPodAutoscaler
 * (autoscaling/v2) and PodDisruptionBudget (policy/v1); plus one Ingress routing to every service.
 * That is 5N+1 objects; tkc also emits the environment's Namespace (5N+2).
 *
 * Labels are the ones tkc puts on its objects (including `app.kubernetes.io/managed-by: tkc`) so
 * the three outputs can be compared field by field, not only counted.
 *
 * Usage: node --import tsx bench/generate.ts --n 10 [--out bench/.work/gen]
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

export const RELEASE = "bench";
export const NAMESPACE = "bench";
export const HOST = "bench.example.com";
export const INGRESS_CLASS = "nginx";

/** The parameters of one service, shared by the three generators. */
export interface ServiceSpec {
  readonly name: string;
  readonly configName: string;
  readonly image: string;
  readonly replicas: number;
  readonly containerPort: number;
  readonly servicePort: number;
  readonly resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
  readonly readiness: { httpGet: { path: string; port: string }; periodSeconds: number };
  readonly liveness: { httpGet: { path: string; port: string }; initialDelaySeconds: number; periodSeconds: number };
  readonly config: Record<string, string>;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly cpuUtilization: number;
  readonly minAvailable: number;
}

export function serviceName(index: number): string {
  return `svc-${String(index + 1).padStart(4, "0")}`;
}

/** Deterministic, slightly varied parameters so no two services are byte-identical. */
export function serviceSpec(index: number, count: number): ServiceSpec {
  const name = serviceName(index);
  const replicas = 2 + (index % 3);
  return {
    name,
    configName: `${name}-config`,
    image: `registry.example.com/bench/${name}:1.${index % 7}.${index % 11}`,
    replicas,
    containerPort: 8080,
    servicePort: 80,
    resources: {
      requests: { cpu: `${100 + (index % 4) * 50}m`, memory: `${128 * (1 + (index % 3))}Mi` },
      limits: { memory: `${256 * (1 + (index % 3))}Mi` },
    },
    readiness: { httpGet: { path: "/healthz/ready", port: "http" }, periodSeconds: 5 },
    liveness: { httpGet: { path: "/healthz/live", port: "http" }, initialDelaySeconds: 10, periodSeconds: 10 },
    config: {
      LOG_LEVEL: index % 5 === 0 ? "debug" : "info",
      SERVICE_NAME: name,
      UPSTREAM_URL: `http://${serviceName((index + 1) % count)}:80`,
      CACHE_TTL_SECONDS: String(60 + index),
    },
    minReplicas: replicas,
    maxReplicas: replicas * 3,
    cpuUtilization: 70,
    minAvailable: 1,
  };
}

export function serviceSpecs(count: number): ServiceSpec[] {
  return Array.from({ length: count }, (_, index) => serviceSpec(index, count));
}

/** Kinds and counts every tool must produce (tkc adds one Namespace on top). */
export function expectedKinds(count: number): Record<string, number> {
  return { ConfigMap: count, Deployment: count, HorizontalPodAutoscaler: count, Ingress: 1, PodDisruptionBudget: count, Service: count };
}

// --- tkc ---------------------------------------------------------------------------------------

function tkcDescriptor(spec: ServiceSpec): string {
  const lit = (value: unknown) => JSON.stringify(value);
  const selector = `{ "app.kubernetes.io/name": ${lit(spec.name)}, "app.kubernetes.io/instance": ${lit(RELEASE)} }`;
  return `import { configMap, raw, service } from "tkc";

const name = ${lit(spec.name)};
const selector = ${selector};

export default [
  configMap({
    name: ${lit(spec.configName)},
    labels: selector,
    data: ${lit(spec.config)},
  }),
  service({
    name,
    image: ${lit(spec.image)},
    port: { name: "http", containerPort: ${spec.containerPort}, servicePort: ${spec.servicePort} },
    replicas: ${spec.replicas},
    resources: ${lit(spec.resources)},
    readiness: ${lit(spec.readiness)},
    liveness: ${lit(spec.liveness)},
    container: { envFrom: [{ configMapRef: { name: ${lit(spec.configName)} } }] },
  }),
  raw({
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name, labels: selector },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
      minReplicas: ${spec.minReplicas},
      maxReplicas: ${spec.maxReplicas},
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: ${spec.cpuUtilization} } } }],
    },
  }),
  raw({
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name, labels: selector },
    spec: { minAvailable: ${spec.minAvailable}, selector: { matchLabels: selector } },
  }),
];
`;
}

function tkcRelease(specs: readonly ServiceSpec[]): string {
  const ident = (spec: ServiceSpec) => spec.name.replace(/-/g, "_");
  const imports = specs.map((s) => `import ${ident(s)} from "./services/${s.name}.k8s.js";`).join("\n");
  const routes = specs.map((s) => `        { host, path: "/${s.name}", service: "${s.name}", port: "http" },`).join("\n");
  return `import { ingress, release } from "tkc";
${imports}

const host = ${JSON.stringify(HOST)};

export default release({
  name: ${JSON.stringify(RELEASE)},
  version: "1.0.0",
  environments: { ${NAMESPACE}: { namespace: ${JSON.stringify(NAMESPACE)} } },
  components: [
    ${specs.map(ident).join(",\n    ")},
    ingress({
      name: ${JSON.stringify(RELEASE)},
      className: ${JSON.stringify(INGRESS_CLASS)},
      routes: [
${routes}
      ],
    }),
  ],
});
`;
}

export function writeTkcProject(dir: string, specs: readonly ServiceSpec[]): void {
  mkdirSync(join(dir, "services"), { recursive: true });
  writeFileSync(join(dir, "tkc.config.json"), JSON.stringify({ entry: "release.k8s.ts", kubeVersion: "1.36", outDir: "out" }, null, 2) + "\n");
  writeFileSync(join(dir, "release.k8s.ts"), tkcRelease(specs));
  for (const spec of specs) writeFileSync(join(dir, "services", `${spec.name}.k8s.ts`), tkcDescriptor(spec));
}

// --- Helm --------------------------------------------------------------------------------------

const HELM_HELPERS = `{{/* Selector labels: stable, used by Deployments, Services and PDBs. */}}
{{- define "bench.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* Labels on every object of a service (the same set tkc emits). */}}
{{- define "bench.labels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/managed-by: tkc
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: {{ .root.Release.Name }}
{{- end -}}
`;

const HELM_TEMPLATES: Record<string, string> = {
  "configmap.yaml": `{{- range .Values.services }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .name }}-config
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "bench.labels" (dict "name" .name "root" $) | nindent 4 }}
data:
  {{- range $key, $value := .config }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end }}
`,
  "deployment.yaml": `{{- range .Values.services }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "bench.labels" (dict "name" .name "root" $) | nindent 4 }}
spec:
  replicas: {{ .replicas }}
  selector:
    matchLabels:
      {{- include "bench.selectorLabels" (dict "name" .name "root" $) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "bench.selectorLabels" (dict "name" .name "root" $) | nindent 8 }}
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: {{ .name }}
          image: {{ .image | quote }}
          ports:
            - name: http
              containerPort: {{ .containerPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ .name }}-config
          resources:
            {{- toYaml .resources | nindent 12 }}
          readinessProbe:
            {{- toYaml .readiness | nindent 12 }}
          livenessProbe:
            {{- toYaml .liveness | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
{{- end }}
`,
  "service.yaml": `{{- range .Values.services }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "bench.labels" (dict "name" .name "root" $) | nindent 4 }}
spec:
  selector:
    {{- include "bench.selectorLabels" (dict "name" .name "root" $) | nindent 4 }}
  ports:
    - name: http
      port: {{ .servicePort }}
      targetPort: http
      protocol: TCP
{{- end }}
`,
  "hpa.yaml": `{{- range .Values.services }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "bench.labels" (dict "name" .name "root" $) | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .name }}
  minReplicas: {{ .autoscaling.minReplicas }}
  maxReplicas: {{ .autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .autoscaling.cpuUtilization }}
{{- end }}
`,
  "pdb.yaml": `{{- range .Values.services }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "bench.labels" (dict "name" .name "root" $) | nindent 4 }}
spec:
  minAvailable: {{ .minAvailable }}
  selector:
    matchLabels:
      {{- include "bench.selectorLabels" (dict "name" .name "root" $) | nindent 6 }}
{{- end }}
`,
  "ingress.yaml": `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .Release.Name }}
  namespace: {{ .Release.Namespace }}
  labels:
    app.kubernetes.io/managed-by: tkc
    app.kubernetes.io/part-of: {{ .Release.Name }}
spec:
  ingressClassName: {{ .Values.ingress.className }}
  rules:
    - host: {{ .Values.ingress.host }}
      http:
        paths:
          {{- range .Values.services }}
          - path: /{{ .name }}
            pathType: Prefix
            backend:
              service:
                name: {{ .name }}
                port:
                  name: http
          {{- end }}
`,
};

export function writeHelmChart(dir: string, specs: readonly ServiceSpec[]): void {
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), stringify({ apiVersion: "v2", name: RELEASE, description: `tkc benchmark: ${specs.length} services`, type: "application", version: "1.0.0", appVersion: "1.0.0" }));
  const values = {
    ingress: { host: HOST, className: INGRESS_CLASS },
    services: specs.map((s) => ({
      name: s.name,
      image: s.image,
      replicas: s.replicas,
      containerPort: s.containerPort,
      servicePort: s.servicePort,
      resources: s.resources,
      readiness: s.readiness,
      liveness: s.liveness,
      config: s.config,
      autoscaling: { minReplicas: s.minReplicas, maxReplicas: s.maxReplicas, cpuUtilization: s.cpuUtilization },
      minAvailable: s.minAvailable,
    })),
  };
  writeFileSync(join(dir, "values.yaml"), stringify(values));
  writeFileSync(join(dir, "templates", "_helpers.tpl"), HELM_HELPERS);
  for (const [file, text] of Object.entries(HELM_TEMPLATES)) writeFileSync(join(dir, "templates", file), text);
}

// --- cdk8s -------------------------------------------------------------------------------------

const CDK8S_APP = `// cdk8s app: the same objects as the tkc descriptors and the Helm chart, as plain ApiObjects.
const { App, Chart, ApiObject } = require("cdk8s");
const { release, namespace, ingress, services } = require("./services.json");

class BenchChart extends Chart {
  constructor(scope, id) {
    super(scope, id, { namespace, disableResourceNameHashes: true });
    for (const s of services) this.addService(s);
    new ApiObject(this, "ingress", {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: release, labels: { "app.kubernetes.io/managed-by": "tkc", "app.kubernetes.io/part-of": release } },
      spec: {
        ingressClassName: ingress.className,
        rules: [{
          host: ingress.host,
          http: { paths: services.map((s) => ({ path: "/" + s.name, pathType: "Prefix", backend: { service: { name: s.name, port: { name: "http" } } } })) },
        }],
      },
    });
  }

  addService(s) {
    const selector = { "app.kubernetes.io/instance": release, "app.kubernetes.io/name": s.name };
    const labels = { ...selector, "app.kubernetes.io/managed-by": "tkc", "app.kubernetes.io/part-of": release };
    new ApiObject(this, s.name + "-config", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: s.configName, labels },
      data: s.config,
    });
    new ApiObject(this, s.name + "-deployment", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: s.name, labels },
      spec: {
        replicas: s.replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: selector },
          spec: {
            securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
            containers: [{
              name: s.name,
              image: s.image,
              ports: [{ name: "http", containerPort: s.containerPort, protocol: "TCP" }],
              envFrom: [{ configMapRef: { name: s.configName } }],
              resources: s.resources,
              readinessProbe: s.readiness,
              livenessProbe: s.liveness,
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            }],
          },
        },
      },
    });
    new ApiObject(this, s.name + "-service", {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: s.name, labels },
      spec: { selector, ports: [{ name: "http", port: s.servicePort, targetPort: "http", protocol: "TCP" }] },
    });
    new ApiObject(this, s.name + "-hpa", {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: s.name, labels },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: s.name },
        minReplicas: s.minReplicas,
        maxReplicas: s.maxReplicas,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: s.cpuUtilization } } }],
      },
    });
    new ApiObject(this, s.name + "-pdb", {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: s.name, labels },
      spec: { minAvailable: s.minAvailable, selector: { matchLabels: selector } },
    });
  }
}

const app = new App();
new BenchChart(app, release);
app.synth();
`;

/**
 * The cdk8s app. `nodeModules` is the peer install whose `cdk8s` the app requires; it is linked
 * as the app's node_modules so `require("cdk8s")` resolves without a project dependency.
 */
export function writeCdk8sApp(dir: string, specs: readonly ServiceSpec[], nodeModules?: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "cdk8s-bench", private: true, type: "commonjs" }, null, 2) + "\n");
  writeFileSync(join(dir, "cdk8s.yaml"), stringify({ language: "javascript", app: "node app.js", output: "dist" }));
  writeFileSync(join(dir, "services.json"), JSON.stringify({ release: RELEASE, namespace: NAMESPACE, ingress: { host: HOST, className: INGRESS_CLASS }, services: specs }, null, 1) + "\n");
  writeFileSync(join(dir, "app.js"), CDK8S_APP);
  if (nodeModules && !existsSync(join(dir, "node_modules"))) symlinkSync(nodeModules, join(dir, "node_modules"), "dir");
}

// --- all three ---------------------------------------------------------------------------------

export interface GeneratedWorkload {
  readonly count: number;
  readonly root: string;
  readonly tkc: string;
  readonly helm: string;
  readonly cdk8s: string;
}

/** Write `<root>/tkc`, `<root>/helm` and `<root>/cdk8s` for `count` services (replacing any old ones). */
export function generate(count: number, root: string, options: { cdk8sNodeModules?: string } = {}): GeneratedWorkload {
  rmSync(root, { recursive: true, force: true });
  const specs = serviceSpecs(count);
  const out = { count, root, tkc: join(root, "tkc"), helm: join(root, "helm"), cdk8s: join(root, "cdk8s") };
  writeTkcProject(out.tkc, specs);
  writeHelmChart(out.helm, specs);
  writeCdk8sApp(out.cdk8s, specs, options.cdk8sNodeModules);
  return out;
}

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const count = Number(option("n") ?? 10);
  if (!Number.isInteger(count) || count < 1) {
    console.error("usage: node --import tsx bench/generate.ts --n <services> [--out <dir>]");
    process.exit(2);
  }
  const root = resolve(option("out") ?? join(BENCH_DIR, ".work", "gen", `n${count}`));
  const result = generate(count, root);
  console.log(`${count} services written to ${result.tkc}, ${result.helm} and ${result.cdk8s}`);
}

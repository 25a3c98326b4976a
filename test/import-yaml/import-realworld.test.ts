import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/cli.js";
import { assertRoundTrip, builtObjects, importCheckBuild, objectsOf, withoutNullFields } from "./round-trip.js";

// Manifests nobody on the team wrote (../shared/realworld, see its README and SOURCES.md).
const realworld = join(repoRoot, "..", "shared", "realworld");
const skip = existsSync(realworld) ? false : "../shared/realworld is absent (a fresh clone): the real-world import round trip is skipped";

/**
 * Sets of files that build cleanly as one project each: several projects' files per import, so
 * the whole set costs a few builds. Left out on purpose: files with several renders of one chart
 * (their objects collide by name: the import refuses them, TKC1205), and files whose images are
 * `auto`, `:latest` or untagged, which a build refuses by policy (TKC3205/3206; `--policy warning`
 * takes them). volumeClaimTemplates without apiVersion/kind, `nodePort: null` and duplicate YAML
 * keys, once left out too, import and build (checked by hand).
 * Large CustomResourceDefinitions are left out too, to keep the test's builds short.
 */
function kubePrometheus(components: readonly string[]): string[] {
  const dir = join(realworld, "kube-prometheus", "manifests");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".yaml") && components.some((c) => f.startsWith(`${c}-`))).sort().map((f) => `kube-prometheus/manifests/${f}`);
}

const SETS: Record<string, string[]> = {
  charts: [
    "bitnami/helm-template/nginx.yaml",
    "bitnami/helm-template/redis.yaml",
    "grafana/helm-template/promtail.yaml",
    "prometheus-community/helm-template/prometheus-node-exporter.yaml",
    "prometheus-community/helm-template/kube-state-metrics.yaml",
    "prometheus-community/helm-template/prometheus-pushgateway.yaml",
    "prometheus-community/helm-template/prometheus-blackbox-exporter.yaml",
    "ingress-nginx/helm-template/ingress-nginx-ci-controller-hpa.yaml",
  ],
  // the monitoring stack without its setup/ CRDs (large; CRDs are covered by the fixtures): 26 files
  "kube-prometheus": kubePrometheus(["alertmanager", "blackboxExporter", "grafana", "nodeExporter"]),
  "istio-samples": [
    "istio/samples/bookinfo/platform/kube/bookinfo.yaml",
    "istio/samples/httpbin/httpbin.yaml",
    "istio/samples/helloworld/helloworld.yaml",
    "istio/samples/sleep/sleep.yaml",
    "istio/samples/tcp-echo/tcp-echo.yaml",
    "istio/samples/curl/curl.yaml",
  ],
  website: [
    "kubernetes-website/content/en/examples/application/guestbook",
    "kubernetes-website/content/en/examples/application/mysql",
    "kubernetes-website/content/en/examples/controllers/daemonset.yaml",
    "kubernetes-website/content/en/examples/controllers/frontend.yaml",
    "kubernetes-website/content/en/examples/configmap/configmaps.yaml",
    "kubernetes-website/content/en/examples/service/load-balancer-example.yaml",
  ],
};

function yamlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

for (const [name, paths] of Object.entries(SETS)) {
  test(`real-world manifests (${name}) import into a project that checks, builds and round-trips`, { skip }, () => {
    const project = importCheckBuild([...paths, "--include-secrets", "--env", "imported"], { cwd: realworld, name });
    const input = objectsOf(paths.flatMap((p) => yamlFiles(join(realworld, p))));
    assert.ok(input.length > 5, `only ${input.length} objects in ${name}`);
    const namespace = /environment imported, namespace ([a-z0-9-]+)\)/.exec(project.report)?.[1];
    assert.ok(namespace, project.report);
    assertRoundTrip(input.map(withoutNullFields), builtObjects(join(project.dir, "out", name, "imported")), namespace);
    // null fields: the YAML reader already reads them as absent, as the API server does, so the
    // round trip above compares against the input without them.
  });
}

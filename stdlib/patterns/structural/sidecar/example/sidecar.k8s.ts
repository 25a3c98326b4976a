import { job, perEnv, release, service, sidecar } from "tkc";

// The docs site: nginx serves pages that a git-sync sidecar keeps pulling from the docs
// repository into a shared volume (dev follows main, prod a release branch).
const docs = service({
  name: "docs",
  image: "nginxinc/nginx-unprivileged:1.27.4",
  port: { name: "http", containerPort: 8080 },
  writablePaths: ["/tmp"],
  patterns: [
    sidecar({
      name: "git-sync",
      image: "registry.k8s.io/git-sync/git-sync:v4.4.0",
      args: perEnv({
        dev: ["--repo=https://github.com/example/docs", "--ref=main", "--root=/git", "--link=current", "--period=30s"],
        prod: ["--repo=https://github.com/example/docs", "--ref=release", "--root=/git", "--link=current", "--period=5m"],
      }),
      volumes: [{ name: "content", mountPath: "/git", appMountPath: "/usr/share/nginx/html" }],
      resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
    }),
  ],
});

// A nightly export Job that needs a local proxy while it runs: as a native sidecar (the
// default) the proxy is stopped when the export finishes, so the Job completes.
const exportJob = job({
  name: "export",
  image: "registry.example.com/shop/export:1.0.3",
  command: ["/app/export", "--to", "s3://shop-exports"],
  patterns: [
    sidecar({
      name: "egress-proxy",
      image: "registry.example.com/platform/egress-proxy:2.1.0",
      ports: [{ name: "proxy", containerPort: 3128 }],
    }),
  ],
  env: { HTTPS_PROXY: "http://localhost:3128" },
});

export default release({
  name: "shop",
  version: "3.1.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [docs, exportJob],
});

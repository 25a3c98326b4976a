import { release, service } from "tkc";

declare const console: { log(...args: unknown[]): void };
// A descriptor trying to forge a GitHub Actions annotation and to erase the line above it.
console.log("building\n::error file=release.k8s.ts,line=1::forged annotation\n\u001b[1A\u001b[2K\rclean");
console.log("::add-mask::nothing", { note: "\u001b]0;title\u0007" });

const api = service({
  name: "api",
  image: "registry.example.com/api:latest",
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });

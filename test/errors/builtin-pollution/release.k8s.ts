import { release, service } from "tkc";

// Descriptors share one set of built-ins per build: patching them would change other files' output.
declare global {
  interface Array<T> {
    last(): T | undefined;
  }
}
Array.prototype.last = function () {
  return this[this.length - 1];
};

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });

// A component made but left out of the release (cdk8s would emit it); one that a custom
// component expands is in use, and a list of components counts as listed. Imported from a
// file of their own but never used, components never even run (the bundler drops the import):
// tsc's unused-import finding says so (TKC2014).
import { configMap, defineComponent, release, service } from "tkc";
import queue from "./workers.k8s.ts";
import {
  mailer,
  indexer,
} from "./workers.k8s.ts";

const api = service({ name: "api", image: "registry.example.com/api:1.4.2", port: { name: "http", containerPort: 8080 } });
const cache = service({ name: "cache", image: "redis:7.4.1", port: { name: "redis", containerPort: 6379 } });
const settings = configMap({ name: "settings", data: { mode: "prod" } });
const wrapped = defineComponent({ type: "bundle", name: "wrapped", origin: undefined, expand: (context) => settings.expand(context) });
const extras = [configMap({ name: "extra-a", data: {} }), configMap({ name: "extra-b", data: {} })];

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case" } },
  // a mistake of its own (an invalid name), so that the case exits 1 as every error case does
  components: [api, wrapped, extras, mailer, configMap({ name: "Bad_Name", data: {} })],
});

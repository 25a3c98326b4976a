import { release, service } from "tkc";

function regionFor(environment: string): string {
  const regions: Record<string, string> = { prod: "eu-west-1" };
  const region = regions[environment];
  if (!region) throw new Error(`no region configured for ${environment}`);
  return region;
}

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  env: { REGION: regionFor("dev") },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });

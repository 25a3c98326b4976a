import { service } from "tkc";

export const worker = service({
  name: "Worker_One",
  image: "registry.example.com/worker:1.0.0",
  port: { name: "http", containerPort: 8080 },
});

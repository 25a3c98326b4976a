import { worker } from "tkc";

export default worker({ name: "queue", image: "registry.example.com/queue:2.0.1" });

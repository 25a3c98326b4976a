import { worker } from "tkc";

export const mailer = worker({ name: "mailer", image: "registry.example.com/mailer:2.0.1" });
export const indexer = worker({ name: "indexer", image: "registry.example.com/indexer:2.0.1" });
export default worker({ name: "queue", image: "registry.example.com/queue:2.0.1" });

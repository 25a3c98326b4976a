import { externalService, release } from "tkc";

const db = externalService({ name: "billing-db", externalName: "db.example.com", addresses: ["10.0.0.5"], port: 5432 });

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [db] });

import { plainSecret, release } from "tkc";

const db = plainSecret({ name: "shop-db", stringData: { password: "hunter2" } });

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [db] });

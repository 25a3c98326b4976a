import { priorityClass, release } from "tkc";

const critical = priorityClass({ name: "shop-critical", value: 2000000000 });

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [critical] });

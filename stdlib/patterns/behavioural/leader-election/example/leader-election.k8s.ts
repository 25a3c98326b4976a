import { leaderElection, perEnv, release, sized, worker } from "tkc";

// Leader election: three scheduler replicas stay warm, one leads. The app elects itself with a
// coordination.k8s.io Lease (client-go's leaderelection); tkc grants exactly that Lease and tells
// the app its name, namespace and the pod's identity.
const scheduler = worker({
  name: "dispatch-scheduler",
  image: "registry.example.com/shop/dispatch:3.3.0",
  replicas: perEnv({ dev: 1, prod: 3 }),
  resources: sized("small"),
  patterns: [leaderElection({ lease: "dispatch-leader" })],
});

export default release({
  name: "election",
  version: "3.3.0",
  environments: { dev: { namespace: "election-dev" }, prod: { namespace: "election-prod" } },
  components: [scheduler],
});

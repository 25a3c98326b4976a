import { ingress, job, release, service } from "tkc";

// Past a cast, options of the wrong type reached stdlib code that threw a TypeError: the first
// one stopped the descriptor. Each is now a report at its call, and the descriptor goes on.
export default release({
  name: "typed",
  version: "1.0.0",
  environments: { dev: { namespace: "typed" } },
  components: [
    service(null as any),
    ingress({ name: "entry", routes: "shop.example.com" } as any),
    job(["migrate"] as any),
  ],
});

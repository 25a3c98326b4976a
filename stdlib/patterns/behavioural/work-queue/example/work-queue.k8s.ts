import { perEnv, release, sized, statefulService, workQueue } from "tkc";

// Work queue: Redis holds the list of orders to re-index; the Job's workers pop items until the
// list is empty and then exit. The workers learn the queue's address from the Redis component
// itself (QUEUE_HOST, QUEUE_PORT, QUEUE_ADDRESS), so renaming it cannot leave them stranded.
const queue = statefulService({
  name: "reindex-queue",
  image: "redis:7.4.1",
  port: { name: "redis", containerPort: 6379 },
  storage: [{ name: "data", mountPath: "/data", size: "1Gi" }],
  resources: sized("small"),
  // The official image's entrypoint changes users; it runs without the restricted profile.
  security: "none",
});

const reindex = workQueue({
  name: "reindex-orders",
  image: "registry.example.com/shop/reindexer:2.4.0",
  queue,
  queueName: "orders:reindex",
  parallelism: perEnv({ dev: 2, prod: 8 }),
  backoffLimit: 4,
  ttlSecondsAfterFinished: 3600,
  resources: sized("small"),
});

export default release({
  name: "workqueue",
  version: "2.4.0",
  environments: { dev: { namespace: "workqueue-dev" }, prod: { namespace: "workqueue-prod" } },
  components: [queue, reindex],
});

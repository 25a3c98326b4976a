import { job, perEnv, release, sized } from "tkc";

// Batch job: re-render product images in 20 indexed shards, 5 at a time in prod. Each shard
// retries on its own (backoffLimitPerIndex); exit code 42 means "bad input", which no retry fixes,
// so it fails the shard at once, and pods lost to node drains or preemption are retried for free.
const rerender = job({
  name: "rerender-images",
  image: "registry.example.com/shop/imaging:1.12.0",
  args: ["rerender", "--shard-from-env=JOB_COMPLETION_INDEX"],
  completionMode: "Indexed",
  completions: 20,
  parallelism: perEnv({ dev: 2, prod: 5 }),
  backoffLimitPerIndex: 2,
  maxFailedIndexes: 3,
  activeDeadlineSeconds: perEnv({ dev: 3600, prod: 14400 }),
  ttlSecondsAfterFinished: 86400,
  podFailurePolicy: [
    { action: "FailIndex", onExitCodes: { operator: "In", values: [42] } },
    { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] },
  ],
  resources: sized("large"),
  writablePaths: ["/tmp"],
});

export default release({
  name: "batch",
  version: "1.12.0",
  environments: { dev: { namespace: "batch-dev" }, prod: { namespace: "batch-prod" } },
  components: [rerender],
});

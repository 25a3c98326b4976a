import { cronJob, perEnv, release, secretRef, sized } from "tkc";

// Periodic job: a nightly database backup in Berlin time. Forbid keeps a slow backup from
// overlapping the next one; a run missed by more than 10 minutes is skipped, not started late.
const backup = cronJob({
  name: "db-backup",
  image: "registry.example.com/platform/pg-backup:16.4.1",
  args: ["--target", "s3://shop-backups/postgres"],
  schedule: perEnv({ dev: "0 6 * * 1", prod: "15 2 * * *" }),
  timeZone: "Europe/Berlin",
  concurrencyPolicy: "Forbid",
  startingDeadlineSeconds: 600,
  successfulJobsHistoryLimit: 3,
  failedJobsHistoryLimit: 5,
  suspend: perEnv({ dev: true, prod: false }),
  backoffLimit: 2,
  activeDeadlineSeconds: 7200,
  env: { PGHOST: "postgres", PGPASSWORD: secretRef("shop-db", "password") },
  resources: sized("medium"),
});

// A frequent cleanup that may be replaced by the next run if it hangs.
const sessions = cronJob({
  name: "expire-sessions",
  image: "registry.example.com/shop/api:2.4.0",
  command: ["/app/bin/expire-sessions"],
  schedule: "*/15 * * * *",
  concurrencyPolicy: "Replace",
  resources: sized("xsmall"),
});

export default release({
  name: "periodic",
  version: "2.4.0",
  environments: { dev: { namespace: "periodic-dev" }, prod: { namespace: "periodic-prod" } },
  components: [backup, sessions],
});

// Behavioural patterns (docs/patterns.md): batch and periodic jobs, daemon and
// singleton services, leader election, stateful services and work queues.
export type { PodFailureRule } from "../../workloads/job-failure-policy.js";
export { hostPathVolumes, type HostPathMount } from "./daemon-service/daemon-service.js";
export { singleton, type SingletonOptions } from "./singleton/singleton.js";
export { leaderElection, type LeaderElectionOptions } from "./leader-election/leader-election.js";
export { workQueue, type WorkQueueOptions } from "./work-queue/work-queue.js";

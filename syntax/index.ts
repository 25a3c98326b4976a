/**
 * Kubernetes value syntaxes (names, label keys and values, quantities, cron schedules,
 * int-or-percent, image references, semantic versions, API groups), as the API server checks them. Dependency-free plain
 * functions: the stdlib (inside the evaluation realm) and the compiler both import them from here.
 */
export * from "./names.js";
export * from "./quantity.js";
export * from "./cron-schedule.js";
export * from "./int-or-percent.js";
export * from "./image.js";
export * from "./semantic-version.js";
export * from "./api-version.js";

// Structural patterns (docs/patterns.md): containers that work beside the app.
export { waitFor, runBefore, type WaitForOptions, type RunBeforeOptions } from "./init-container.js";
export { sidecar, type SidecarOptions, type SharedVolume } from "./sidecar.js";
export { logShipper, type LogShipperOptions, type LogOutput } from "./log-shipper.js";
export { exporter, type ExporterOptions } from "./exporter.js";
export { ambassador, type AmbassadorOptions } from "./ambassador.js";

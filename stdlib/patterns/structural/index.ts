// Structural patterns (docs/patterns.md): containers that work beside the app.
export { waitFor, runBefore, type WaitForOptions, type RunBeforeOptions } from "./init-container/init-container.js";
export { sidecar, type SidecarOptions, type SharedVolume } from "./sidecar/sidecar.js";
export { logShipper, type LogShipperOptions, type LogOutput } from "./log-shipper/log-shipper.js";
export { exporter, type ExporterOptions } from "./adapter/adapter.js";
export { ambassador, type AmbassadorOptions } from "./ambassador/ambassador.js";

// Service discovery and self-awareness patterns (docs/patterns.md).
export { expose, headless, nodePort, loadBalancer, type ExposeOptions, type ServiceType } from "./service-types/service-types.js";
export { externalService, type ExternalServiceOptions, type ExternalPort } from "./external-service/external-service.js";
export { downwardApi, type DownwardApiOptions, type PodField } from "./downward-api/downward-api.js";
export { nginxAnnotations, traefikAnnotations, type NginxAnnotationOptions, type TraefikAnnotationOptions } from "../../networking/ingress-annotations.js";

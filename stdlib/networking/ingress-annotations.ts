import { atProperty, captureOrigin } from "../core/origin.js";
import { failedValue, report } from "../core/report.js";
import { shownText } from "../core/shown.js";
import { DNS1123_LABEL_SOURCE } from "../../syntax/index.js";

/** Annotation prefixes of the ingress controllers tkc knows, by IngressClass name. */
export const CLASS_ANNOTATION_PREFIXES: Readonly<Record<string, string>> = {
  nginx: "nginx.ingress.kubernetes.io/",
  traefik: "traefik.ingress.kubernetes.io/",
};

export interface NginxAnnotationOptions {
  /** Largest request body, nginx syntax: `8m`, `512k`, `0` for unlimited. @default "1m" (ingress-nginx) */
  readonly proxyBodySize?: string;
  /** Redirect HTTP to HTTPS when the Ingress has TLS. @default true (ingress-nginx) */
  readonly sslRedirect?: boolean;
  /** Redirect HTTP to HTTPS even without TLS on this Ingress (TLS terminated in front). @default false */
  readonly forceSslRedirect?: boolean;
  /** Protocol to the backend. @default "HTTP" */
  readonly backendProtocol?: "HTTP" | "HTTPS" | "GRPC" | "GRPCS";
  /** Seconds nginx waits for the backend's response. @default 60 */
  readonly proxyReadTimeoutSeconds?: number;
  /** Rewrite the matched path, e.g. `/$2` with a regex path. @default none */
  readonly rewriteTarget?: string;
}

const NGINX_SIZE = /^\d+[kKmMgG]?$/;

/** The annotations, or a failed value after a mistake was reported (the Ingress holding it emits nothing). */
const annotations = (out: Record<string, string>, usable: boolean): Record<string, string> => (usable ? out : failedValue(out));

/** Typed `nginx.ingress.kubernetes.io/*` annotations for an Ingress of class `nginx`. Every bad option is reported. */
export function nginxAnnotations(options: NginxAnnotationOptions): Record<string, string> {
  const origin = captureOrigin();
  const prefix = CLASS_ANNOTATION_PREFIXES.nginx;
  const out: Record<string, string> = {};
  let usable = true;
  const bad = (message: string, hint: string, option: string) => {
    report.error("TKC2412", message, atProperty(origin, [option]), { hint });
    usable = false;
  };
  if (typeof options !== "object" || options === null) return annotations(out, true);
  if (options.proxyBodySize !== undefined) {
    if (typeof options.proxyBodySize !== "string" || !NGINX_SIZE.test(options.proxyBodySize)) bad(`nginx proxyBodySize '${shownText(options.proxyBodySize)}' is not an nginx size`, "a number with an optional k, m or g suffix, e.g. \"8m\" (not \"8Mi\")", "proxyBodySize");
    else out[`${prefix}proxy-body-size`] = options.proxyBodySize;
  }
  if (options.sslRedirect !== undefined) out[`${prefix}ssl-redirect`] = String(options.sslRedirect);
  if (options.forceSslRedirect !== undefined) out[`${prefix}force-ssl-redirect`] = String(options.forceSslRedirect);
  if (options.backendProtocol !== undefined) out[`${prefix}backend-protocol`] = options.backendProtocol;
  if (options.proxyReadTimeoutSeconds !== undefined) {
    if (!Number.isInteger(options.proxyReadTimeoutSeconds) || options.proxyReadTimeoutSeconds < 1) bad(`nginx proxyReadTimeoutSeconds must be a positive whole number, not ${shownText(options.proxyReadTimeoutSeconds)}`, "e.g. proxyReadTimeoutSeconds: 120", "proxyReadTimeoutSeconds");
    else out[`${prefix}proxy-read-timeout`] = String(options.proxyReadTimeoutSeconds);
  }
  if (options.rewriteTarget !== undefined) out[`${prefix}rewrite-target`] = options.rewriteTarget;
  return annotations(out, usable);
}

export interface TraefikAnnotationOptions {
  /** Middlewares (Traefik CRDs) in order, as `<namespace>-<name>@kubernetescrd`. @default none */
  readonly middlewares?: readonly string[];
  /** Entry points the router listens on, e.g. `["websecure"]`. @default all */
  readonly entryPoints?: readonly string[];
  /** Serve the router over TLS. @default false (unless the Ingress has tls) */
  readonly tls?: boolean;
}

const MIDDLEWARE = new RegExp(`^${DNS1123_LABEL_SOURCE}@[a-z]+$`);

/** Typed `traefik.ingress.kubernetes.io/router.*` annotations for an Ingress of class `traefik`. Every bad middleware is reported. */
export function traefikAnnotations(options: TraefikAnnotationOptions): Record<string, string> {
  const origin = captureOrigin();
  const prefix = CLASS_ANNOTATION_PREFIXES.traefik;
  const out: Record<string, string> = {};
  let usable = true;
  if (typeof options !== "object" || options === null) return annotations(out, true);
  if (options.middlewares !== undefined) {
    for (const [index, m] of options.middlewares.entries()) {
      if (typeof m !== "string" || !MIDDLEWARE.test(m)) {
        report.error("TKC2412", `traefik middleware '${shownText(m)}' is not <namespace>-<name>@<provider>`, atProperty(origin, ["middlewares", index]), { hint: "e.g. \"shop-prod-ratelimit@kubernetescrd\" for Middleware 'ratelimit' in namespace 'shop-prod'" });
        usable = false;
      }
    }
    if (usable && options.middlewares.length > 0) out[`${prefix}router.middlewares`] = options.middlewares.join(",");
  }
  if (options.entryPoints !== undefined && options.entryPoints.length > 0) out[`${prefix}router.entrypoints`] = options.entryPoints.join(",");
  if (options.tls !== undefined) out[`${prefix}router.tls`] = String(options.tls);
  return annotations(out, usable);
}

import type { DiscoveryV1EndpointSlice, Service } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type FieldMapping, type ObjectDraft } from "../../../core/component.js";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { shownText } from "../../../core/shown.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import { dns1035LabelProblem, isDns1123Subdomain, portNameProblem } from "../../../../syntax/index.js";

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

/** A port of the external service: a number (TCP, named `tcp-<port>`) or a name, port and protocol. */
export type ExternalPort = number | { readonly name: string; readonly port: number; /** @default "TCP" */ readonly protocol?: "TCP" | "UDP" | "SCTP" };

export interface ExternalServiceOptions {
  /** Name of the in-cluster Service apps connect to (a DNS-1035 label), e.g. `postgres`. */
  readonly name: string;
  /** A DNS name the Service aliases (type ExternalName: a CNAME, no proxying, no port mapping). */
  readonly externalName?: PerEnvironment<string>;
  /** Fixed IP addresses (all IPv4 or all IPv6): a selector-less Service plus an EndpointSlice. */
  readonly addresses?: PerEnvironment<readonly string[]>;
  /** Port(s) of the addresses; required with `addresses`, optional (documentation only) with `externalName`. */
  readonly port?: ExternalPort;
  readonly ports?: readonly ExternalPort[];
}

function addressFamily(address: string): "IPv4" | "IPv6" | undefined {
  const v4 = IPV4.exec(address);
  if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255) ? "IPv4" : undefined;
  if (IPV6.test(address) && address.includes(":") && (address.match(/::/g) ?? []).length <= 1) return "IPv6";
  return undefined;
}

/** ExternalName takes a DNS name; an IP there is looked up as a name of digits and never resolves. */
function isHostName(value: string): boolean {
  return isDns1123Subdomain(value.endsWith(".") ? value.slice(0, -1) : value) && addressFamily(value) === undefined;
}

function portsOf(options: ExternalServiceOptions): { name: string; port: number; protocol: "TCP" | "UDP" | "SCTP" }[] {
  const ports = options.ports ?? (options.port !== undefined ? [options.port] : []);
  // A bare number gets the name `tcp-<port>`: EndpointSlice ports match Service ports by name.
  return ports.map((p) => (typeof p === "number" ? { name: `tcp-${p}`, port: p, protocol: "TCP" } : { name: p.name, port: p.port, protocol: p.protocol ?? "TCP" }));
}

function checkAddresses(name: string, addresses: readonly string[], origin: SourceLocation | undefined): "IPv4" | "IPv6" {
  const at = (...path: number[]) => atProperty(origin, ["addresses", ...path]);
  if (addresses.length === 0) fail("TKC2407", `externalService '${name}' has an empty addresses list`, at(), "list at least one IP address, e.g. addresses: [\"10.20.0.15\"]");
  const families = new Set<string>();
  for (const [i, address] of addresses.entries()) {
    const family = addressFamily(address);
    if (!family) fail("TKC2407", `externalService '${name}': '${address}' is not an IP address`, at(i), "for a host name, use externalName instead of addresses");
    families.add(family);
  }
  if (families.size > 1) fail("TKC2407", `externalService '${name}' mixes IPv4 and IPv6 addresses`, at(), "an EndpointSlice holds one address family: declare two externalService() components, one per family");
  return [...families][0] as "IPv4" | "IPv6";
}

/** The independent checks of the options, each on its own so that every mistake is reported. */
function optionChecks(options: ExternalServiceOptions, origin: SourceLocation | undefined): (() => void)[] {
  const hasName = options.externalName !== undefined;
  const hasAddresses = options.addresses !== undefined;
  return [
    () => {
      if (typeof options.name !== "string" || dns1035LabelProblem(options.name) !== undefined) {
        fail("TKC2406", `externalService name '${shownText(options.name)}' is not a DNS-1035 label`, atProperty(origin, ["name"]), "use lowercase letters, digits and '-', starting with a letter, e.g. \"billing-db\"");
      }
    },
    () => {
      if (hasName === hasAddresses) {
        fail("TKC2406", `externalService '${options.name}' must set exactly one of externalName and addresses (it sets ${hasName ? "both" : "neither"})`, origin, "externalName: \"db.example.com\" for a DNS name, or addresses: [\"10.0.0.5\"] with a port for fixed IPs");
      }
    },
    () => {
      if (options.port !== undefined && options.ports !== undefined) fail("TKC2406", `externalService '${options.name}' sets both 'port' and 'ports'`, atProperty(origin, ["ports"]), "keep one");
      const ports = portsOf(options);
      if (hasAddresses && ports.length === 0) fail("TKC2406", `externalService '${options.name}' has addresses but no port`, atProperty(origin, ["addresses"]), "add port: 5432 (the port the addresses listen on)");
      for (const [i, p] of ports.entries()) {
        const at = () => atProperty(origin, options.ports !== undefined ? ["ports", i] : ["port"]);
        if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) fail("TKC2406", `externalService '${options.name}': port ${p.port} is not between 1 and 65535`, at(), "use the port the external service listens on");
        if (portNameProblem(p.name) !== undefined) fail("TKC2406", `externalService '${options.name}': port name '${p.name}' is not an IANA service name`, at(), "at most 15 lowercase letters, digits and '-', with at least one letter");
      }
    },
    () => {
      if (typeof options.externalName === "string" && !isHostName(options.externalName)) {
        fail("TKC2407", `externalService '${options.name}': externalName '${options.externalName}' is not a DNS name`, atProperty(origin, ["externalName"]), addressFamily(options.externalName) ? "for an IP address, use addresses: [...] instead" : "use a host name such as \"db.example.com\"");
      }
    },
    () => {
      if (Array.isArray(options.addresses)) checkAddresses(options.name, options.addresses, origin);
    },
  ];
}

/**
 * A backing service outside the cluster, attached by configuration (twelve-factor IV): apps
 * connect to the in-cluster name `name` in every environment, and the release decides where it
 * really is. `externalName` makes a DNS alias (type ExternalName); `addresses` makes a Service
 * without a selector and an EndpointSlice (discovery.k8s.io/v1) listing the fixed IPs.
 */
export function externalService(options: ExternalServiceOptions): Component {
  const origin = captureOrigin();
  if (!checkCall(origin, options, ...optionChecks(options, origin))) return rejectedComponent("externalService", options?.name, origin);
  return defineComponent({
    type: "externalService",
    name: options.name,
    origin,
    expand(context): ObjectDraft[] {
      const environment = context.environment;
      const ports = portsOf(options);
      const servicePorts = ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol }));
      const portFields: FieldMapping = options.ports ? [["spec", "ports"], ["ports"]] : [["spec", "ports", 0], ["port"]];
      if (options.externalName !== undefined) {
        const externalName = resolve(options.externalName, environment);
        if (!isHostName(externalName)) fail("TKC2407", `externalService '${options.name}': externalName '${externalName}' is not a DNS name (environment '${environment.name}')`, atProperty(origin, ["externalName"]), "use a host name such as \"db.example.com\"");
        const service: Service = {
          apiVersion: "v1",
          kind: "Service",
          metadata: { name: options.name },
          spec: { type: "ExternalName", externalName, ...(servicePorts.length > 0 ? { ports: servicePorts } : {}) },
        };
        return [{ object: service, origin, fields: [[["metadata", "name"], ["name"]], [["spec", "externalName"], ["externalName"]], portFields] }];
      }
      const addresses = resolve(options.addresses!, environment);
      const addressType = checkAddresses(options.name, addresses, origin);
      const service: Service = { apiVersion: "v1", kind: "Service", metadata: { name: options.name }, spec: { ports: servicePorts } };
      const slice: DiscoveryV1EndpointSlice = {
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: {
          name: `${options.name}-external`,
          labels: { "kubernetes.io/service-name": options.name, "endpointslice.kubernetes.io/managed-by": "tkc" },
        },
        addressType,
        endpoints: addresses.map((address) => ({ addresses: [address], conditions: { ready: true } })),
        ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      };
      return [
        { object: service, origin, fields: [[["metadata", "name"], ["name"]], portFields] },
        { object: slice, origin, fields: [[["metadata", "name"], ["name"]], [["endpoints"], ["addresses"]], [["ports"], [options.ports ? "ports" : "port"]]] },
      ];
    },
  });
}

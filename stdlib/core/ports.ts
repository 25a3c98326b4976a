// Its own module: core/pattern.ts (WorkloadBuild) and workloads/options.ts both need it.
/** A port the main container listens on. */
export interface PortOption {
  /** IANA service name (at most 15 chars), used by probes and Services to refer to the port. */
  readonly name: string;
  readonly containerPort: number;
  /** @default "TCP" */
  readonly protocol?: "TCP" | "UDP" | "SCTP";
  /** Port the Service exposes, for workloads that have a Service. @default containerPort */
  readonly servicePort?: number;
}

/** Kubernetes' CIDR library (library/cidr.go, Kubernetes 1.30+): `cidr()`, `isCIDR()`, containment, `ip()`, `masked()`, `prefixLength()`. */
import type { Environment } from "@marcbachmann/cel-js";
import { IPAddress, IPPrefix, parseIP, parsePrefix } from "./ip-address.js";
import { isValid, undecided } from "./values.js";

export function registerCIDR(environment: Environment): void {
  environment
    .registerType("net.CIDR", IPPrefix)
    .registerFunction("cidr(string): net.CIDR", parsePrefix)
    .registerFunction("isCIDR(string): bool", (text: string) => isValid(() => parsePrefix(text)))
    .registerFunction("string(net.CIDR): string", (cidr: IPPrefix) => cidr.toString())
    .registerFunction("net.CIDR.containsIP(net.IP): bool", (cidr: IPPrefix, ip: IPAddress) => cidr.contains(ip))
    .registerFunction("net.CIDR.containsIP(string): bool", (cidr: IPPrefix, ip: string) => cidr.contains(parseIP(ip)))
    .registerFunction("net.CIDR.containsCIDR(net.CIDR): bool", containsCIDR)
    .registerFunction("net.CIDR.containsCIDR(string): bool", (cidr: IPPrefix, other: string) => containsCIDR(cidr, parsePrefix(other)))
    .registerFunction("net.CIDR.ip(): net.IP", (cidr: IPPrefix) => cidr.address)
    .registerFunction("net.CIDR.masked(): net.CIDR", (cidr: IPPrefix) => cidr.masked())
    .registerFunction("net.CIDR.prefixLength(): int", (cidr: IPPrefix) => BigInt(cidr.bits))
    .registerOperator("net.CIDR == net.CIDR", (a: IPPrefix, b: IPPrefix) => a.equals(b));
}

/**
 * The API server compares the masked prefix with the other's address as written, so
 * 10.0.0.0/8 and 10.1.0.0/16 are "not contained" there though every address is: where its
 * answer and containment differ, tkc does not guess which one a given release gives.
 */
function containsCIDR(cidr: IPPrefix, other: IPPrefix): boolean {
  const contained = other.bits >= cidr.bits && cidr.contains(other.address);
  const asTheServerCompares = other.bits >= cidr.bits && cidr.masked().address.equals(other.address);
  if (contained !== asTheServerCompares) undecided("containment the API server's releases may answer differently");
  return contained;
}

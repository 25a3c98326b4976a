/** Kubernetes' IP library (library/ip.go, Kubernetes 1.30+): `ip()`, `isIP()`, `ip.isCanonical()` and netip's address classes. */
import type { Environment } from "@marcbachmann/cel-js";
import { IPAddress, parseIP } from "./ip-address.js";
import { isValid } from "./values.js";

export function registerIP(environment: Environment, name: (fn: string) => string): void {
  const is = (ip: IPAddress, v4: (b: Uint8Array) => boolean, v6: (b: Uint8Array) => boolean) => (ip.family === 4 ? v4(ip.bytes) : v6(ip.bytes));
  environment
    .registerType("net.IP", IPAddress)
    .registerFunction("ip(string): net.IP", parseIP)
    .registerFunction("isIP(string): bool", (text: string) => isValid(() => parseIP(text)))
    .registerFunction(`${name("ip.isCanonical")}(string): bool`, (text: string) => parseIP(text).toString() === text)
    .registerFunction("string(net.IP): string", (ip: IPAddress) => ip.toString())
    .registerFunction("net.IP.family(): int", (ip: IPAddress) => BigInt(ip.family))
    .registerFunction("net.IP.isUnspecified(): bool", (ip: IPAddress) => ip.bytes.every((b) => b === 0))
    .registerFunction("net.IP.isLoopback(): bool", (ip: IPAddress) => is(ip, (b) => b[0] === 127, isIPv6Loopback))
    .registerFunction("net.IP.isLinkLocalMulticast(): bool", (ip: IPAddress) => is(ip, (b) => b[0] === 224 && b[1] === 0 && b[2] === 0, (b) => b[0] === 0xff && (b[1]! & 0x0f) === 0x02))
    .registerFunction("net.IP.isLinkLocalUnicast(): bool", (ip: IPAddress) => is(ip, isIPv4LinkLocal, isIPv6LinkLocal))
    .registerFunction("net.IP.isGlobalUnicast(): bool", (ip: IPAddress) =>
      is(
        ip,
        // Private IPv4 ranges are global unicast to Go too; broadcast, multicast and the rest are not.
        (b) => !b.every((x) => x === 0) && !b.every((x) => x === 255) && b[0] !== 127 && (b[0]! & 0xf0) !== 0xe0 && !isIPv4LinkLocal(b),
        (b) => !b.every((x) => x === 0) && !isIPv6Loopback(b) && b[0] !== 0xff && !isIPv6LinkLocal(b),
      ))
    .registerOperator("net.IP == net.IP", (a: IPAddress, b: IPAddress) => a.equals(b));
}

const isIPv4LinkLocal = (b: Uint8Array) => b[0] === 169 && b[1] === 254;
const isIPv6LinkLocal = (b: Uint8Array) => b[0] === 0xfe && (b[1]! & 0xc0) === 0x80;
const isIPv6Loopback = (b: Uint8Array) => b.slice(0, 15).every((x) => x === 0) && b[15] === 1;

/**
 * IP addresses and prefixes parsed as Go's net/netip parses them (ParseAddr, ParsePrefix), with
 * Kubernetes' refusals on top (library/ip.go, cidr.go): no zone, no IPv4-mapped IPv6 address.
 * A string these do not take is an error to the API server too.
 */
import { fail } from "./values.js";

export class IPAddress {
  /** 4 bytes for IPv4, 16 for IPv6. */
  constructor(readonly bytes: Uint8Array) {}

  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }

  equals(other: IPAddress): boolean {
    return this.bytes.length === other.bytes.length && this.bytes.every((b, i) => b === other.bytes[i]);
  }

  /** netip's form: dotted decimal, or RFC 5952 (lower case, the longest run of two or more zero groups as ::, the first on a tie). */
  toString(): string {
    if (this.family === 4) return this.bytes.join(".");
    const groups = Array.from({ length: 8 }, (_, i) => (this.bytes[2 * i]! << 8) | this.bytes[2 * i + 1]!);
    let best = { at: -1, length: 0 };
    for (let i = 0; i < 8; ) {
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > best.length && j - i >= 2) best = { at: i, length: j - i };
      i = j === i ? i + 1 : j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best.at < 0) return hex.join(":");
    return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
  }
}

export class IPPrefix {
  constructor(readonly address: IPAddress, readonly bits: number) {}

  /** The prefix with the bits after its length cleared. */
  masked(): IPPrefix {
    const bytes = this.address.bytes.map((b, i) => {
      const keep = Math.max(0, Math.min(8, this.bits - 8 * i));
      return b & (0xff << (8 - keep)) & 0xff;
    });
    return new IPPrefix(new IPAddress(bytes), this.bits);
  }

  contains(ip: IPAddress): boolean {
    return ip.family === this.address.family && new IPPrefix(ip, this.bits).masked().address.equals(this.masked().address);
  }

  equals(other: IPPrefix): boolean {
    return this.bits === other.bits && this.address.equals(other.address);
  }

  toString(): string {
    return `${this.address}/${this.bits}`;
  }
}

export function parseIP(text: string): IPAddress {
  // A zone (fe80::1%eth0) is refused by Kubernetes, whatever the address.
  if (text.includes("%")) fail(`IP address ${JSON.stringify(text)} with zone value is not allowed`);
  const bytes = text.includes(":") ? parseIPv6(text) : parseIPv4(text);
  if (!bytes) fail(`IP Address ${JSON.stringify(text)} parse error during conversion from string`);
  if (bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) fail(`IPv4-mapped IPv6 address ${JSON.stringify(text)} is not allowed`);
  return new IPAddress(bytes);
}

export function parsePrefix(text: string): IPPrefix {
  const slash = text.lastIndexOf("/");
  if (slash < 0) fail(`network address ${JSON.stringify(text)} has no '/'`);
  const address = parseIP(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  // netip takes no sign and no leading zero (Go 1.22+); the range is the family's.
  if (!/^(0|[1-9][0-9]{0,2})$/.test(bits) || Number(bits) > address.bytes.length * 8) fail(`bad bits after slash: ${JSON.stringify(bits)}`);
  return new IPPrefix(address, Number(bits));
}

/** Four decimal fields of 0-255, no leading zeros, nothing else. */
function parseIPv4(text: string): Uint8Array | undefined {
  const fields = text.split(".");
  if (fields.length !== 4 || !fields.every((f) => /^(0|[1-9][0-9]{0,2})$/.test(f) && Number(f) <= 255)) return undefined;
  return Uint8Array.from(fields.map(Number));
}

/** Up to eight groups of 1-4 hex digits, one :: for at least one zero group, an optional IPv4 address as the last two groups. */
function parseIPv6(text: string): Uint8Array | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === "") return [];
    const parts = half.split(":");
    const out: number[] = [];
    for (const [i, part] of parts.entries()) {
      if (part.includes(".") && i === parts.length - 1) {
        const v4 = parseIPv4(part);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  // An IPv4 tail only at the very end of the address.
  if (halves.length === 2 && halves[0]!.includes(".")) return undefined;
  const total = head.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const all = [...head, ...Array<number>(8 - total).fill(0), ...tail];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

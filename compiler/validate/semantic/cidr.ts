/** IP address and CIDR parsing for rules that compare ranges (NetworkPolicy ipBlock, Service source ranges). */
import { isIP } from "node:net";

export interface Cidr {
  readonly family: 4 | 6;
  /** The address as a number of 32 or 128 bits. */
  readonly address: bigint;
  readonly prefix: number;
}

function addressBits(ip: string, family: 4 | 6): bigint {
  if (family === 4) return ip.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
  const [head = "", tail] = ip.split("::");
  const groups = (text: string) => (text === "" ? [] : text.split(":"));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (list: string[]) => list.flatMap((g) => (g.includes(".") ? [((addressBits(g, 4) >> 16n) & 0xffffn).toString(16), (addressBits(g, 4) & 0xffffn).toString(16)] : [g]));
  const l = expand(left);
  const r = expand(right);
  const all = [...l, ...Array<string>(8 - l.length - r.length).fill("0"), ...r];
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses "10.0.0.0/8" or "fd00::/64"; undefined when it is not a CIDR. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const ip = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const family = isIP(ip);
  if ((family !== 4 && family !== 6) || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > (family === 4 ? 32 : 128)) return undefined;
  return { family, address: addressBits(ip, family), prefix };
}

/** Whether `inner` lies inside `outer` (same family, longer or equal prefix, same leading bits). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const width = BigInt(outer.family === 4 ? 32 : 128);
  const shift = width - BigInt(outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}

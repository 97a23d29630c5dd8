import { BlockList, isIP } from "node:net";

/** One network of an outbound policy: an address and its prefix length. */
export interface Network {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/**
 * Parses a comma- or space-separated list of networks and single addresses
 * ("10.1.0.0/16, 192.168.1.5 fd00::/8"). A single address is a /32 (IPv4) or /128 (IPv6).
 * Returns the networks, or the first entry that is not one.
 */
export function parseNetworkList(text: string): { networks: Network[] } | { invalid: string } {
  const networks: Network[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const network = parseNetwork(entry);
    if (!network) return { invalid: entry };
    networks.push(network);
  }
  return { networks };
}

function parseNetwork(entry: string): Network | undefined {
  const [address = "", prefixText, extra] = entry.split("/");
  if (extra !== undefined) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const family = version === 4 ? "ipv4" : "ipv6";
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  return { address, prefix: Number(prefixText), family };
}

/** A BlockList of networks (IPv4 rules also match IPv4-mapped IPv6 addresses). */
export function toBlockList(networks: readonly Network[]): BlockList {
  const list = new BlockList();
  for (const n of networks) list.addSubnet(n.address, n.prefix, n.family);
  return list;
}

/**
 * The IPv4 address an IPv6 address carries where the IPv6 network translates to IPv4 (NAT64's
 * 64:ff9b::/96 and 6to4's 2002::/16), so that a translated form of a denied IPv4 address is denied
 * too. IPv4-mapped addresses (::ffff:a.b.c.d) need no help: a BlockList's IPv4 rules match them.
 */
export function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return ipv4Of(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return ipv4Of(groups[1]!, groups[2]!);
  return undefined;
}

function ipv4Of(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, a dotted IPv4 tail converted). */
export function expandIpv6(address: string): number[] | undefined {
  let text = address.replace(/%.*$/, "").toLowerCase();
  if (isIP(text) !== 6) return undefined;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 ? groups : undefined;
}

import { isIP } from "node:net";
import { embeddedIpv4, parseNetworkList, toBlockList, type Network } from "@/lib/outbound/networkList";

/**
 * Which addresses Faultline's own outbound requests (webhooks, chat and PagerDuty notifications,
 * forwarding, uptime checks, a channel's SMTP server) may reach: a URL a workspace admin types must
 * not turn the server into a proxy into its own network (server-side request forgery).
 *
 * - Always denied: link-local addresses (169.254.0.0/16, fe80::/10 — where every cloud's instance
 *   metadata and its credentials live, plus Alibaba's 100.100.100.200 and AWS's fd00:ec2::254), the
 *   unspecified address (0.0.0.0/8, ::), multicast, and the reserved 240.0.0.0/4 (broadcast).
 * - Private networks — loopback, RFC 1918, carrier-grade NAT, unique local IPv6, benchmarking — are
 *   allowed by default (a self-hosted instance usually notifies an internal chat server), and denied
 *   with OUTBOUND_PRIVATE_NETWORKS=deny (an instance shared by teams that must not reach its network).
 * - OUTBOUND_ALLOWED_NETWORKS lists networks allowed whatever the above says (one internal
 *   service while the rest is denied).
 */
export interface OutboundPolicy {
  /** Why `address` (an IP address) may not be reached, or undefined when it may. */
  deniedReason(address: string): string | undefined;
}

export type PrivateNetworks = "allow" | "deny";

const net = (text: string): Network[] => {
  const parsed = parseNetworkList(text);
  if ("invalid" in parsed) throw new Error(`bad built-in network ${parsed.invalid}`);
  return parsed.networks;
};

/** Denied whatever the configuration, unless OUTBOUND_ALLOWED_NETWORKS names them. */
const ALWAYS_DENIED: ReadonlyArray<{ reason: string; networks: Network[] }> = [
  { reason: "a link-local address (cloud instance metadata)", networks: net("169.254.0.0/16 fe80::/10 100.100.100.200 fd00:ec2::254") },
  { reason: "an unspecified address", networks: net("0.0.0.0/8 ::/128") },
  { reason: "a multicast or reserved address", networks: net("224.0.0.0/4 240.0.0.0/4 ff00::/8") },
];

const PRIVATE: ReadonlyArray<{ reason: string; networks: Network[] }> = [
  { reason: "a loopback address", networks: net("127.0.0.0/8 ::1/128") },
  { reason: "a private address", networks: net("10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 100.64.0.0/10 198.18.0.0/15 fc00::/7") },
];

export function createOutboundPolicy(options: { privateNetworks: PrivateNetworks; allowed: readonly Network[] }): OutboundPolicy {
  const allowed = toBlockList(options.allowed);
  const rules = [...ALWAYS_DENIED, ...(options.privateNetworks === "deny" ? PRIVATE : [])].map((r) => ({ reason: r.reason, list: toBlockList(r.networks) }));
  const check = (address: string): string | undefined => {
    const version = isIP(address);
    if (version === 0) return "not an IP address";
    const family = version === 4 ? "ipv4" : "ipv6";
    if (allowed.check(address, family)) return undefined;
    const rule = rules.find((r) => r.list.check(address, family));
    return rule?.reason;
  };
  return {
    deniedReason(address) {
      const plain = address.replace(/%.*$/, "");
      const embedded = isIP(plain) === 6 ? embeddedIpv4(plain) : undefined;
      return check(plain) ?? (embedded === undefined ? undefined : check(embedded));
    },
  };
}

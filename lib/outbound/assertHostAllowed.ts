import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { envOutboundPolicy } from "@/lib/outbound/envOutboundPolicy";
import { OutboundDeniedError } from "@/lib/outbound/OutboundDeniedError";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

/**
 * Resolves a host (or takes an IP address as it is) and throws OutboundDeniedError when any of its
 * addresses is denied — for clients that resolve and connect on their own (SMTP), where the check
 * cannot sit in the socket's lookup as sendOutbound's does; the host could in principle resolve
 * differently a moment later.
 */
export async function assertHostAllowed(hostname: string, policy: OutboundPolicy = envOutboundPolicy()): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  for (const address of addresses) {
    const reason = policy.deniedReason(address);
    if (reason) throw OutboundDeniedError.address(address, reason);
  }
}

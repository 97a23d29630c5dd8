import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { bareHost, deniedAddress } from "@/lib/outbound/deniedAddress";
import { envOutboundPolicy } from "@/lib/outbound/envOutboundPolicy";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

/**
 * Resolves a host (or takes an IP address as it is) and throws OutboundDeniedError when any of its
 * addresses is denied — for clients that resolve and connect on their own (SMTP), where the check
 * cannot sit in the socket's lookup as sendOutbound's does; the host could in principle resolve
 * differently a moment later.
 */
export async function assertHostAllowed(hostname: string, policy: OutboundPolicy = envOutboundPolicy()): Promise<void> {
  const host = bareHost(hostname);
  const denied = deniedAddress(isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address), policy);
  if (denied) throw denied;
}

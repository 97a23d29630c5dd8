import { isIP } from "node:net";
import { bareHost } from "@/lib/outbound/deniedAddress";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

/**
 * Why a URL a user is saving (a webhook, forwarding target, uptime check, a channel's SMTP server)
 * could never be reached under the outbound policy, or undefined. Only what the URL itself says is
 * judged — an IP address, or `localhost` (loopback by definition, RFC 6761); a host name's addresses
 * are checked each time it is used (they may change), as is the port (sendOutbound).
 */
export function outboundUrlIssue(text: string, policy: OutboundPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = bareHost(url.hostname).toLowerCase();
  const address = isIP(host) ? host : host === "localhost" || host.endsWith(".localhost") ? "127.0.0.1" : undefined;
  if (address === undefined) return undefined;
  const reason = policy.deniedReason(address);
  return reason ? `${host} is ${reason}, which this instance does not reach (OUTBOUND_PRIVATE_NETWORKS, OUTBOUND_ALLOWED_NETWORKS)` : undefined;
}

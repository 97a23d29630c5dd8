import { env } from "@/lib/env";
import { createOutboundPolicy, type OutboundPolicy } from "@/lib/outbound/outboundPolicy";

let cached: OutboundPolicy | undefined;

/** The instance's outbound policy (OUTBOUND_PRIVATE_NETWORKS, OUTBOUND_ALLOWED_NETWORKS). */
export function envOutboundPolicy(): OutboundPolicy {
  cached ??= createOutboundPolicy({ privateNetworks: env().OUTBOUND_PRIVATE_NETWORKS, allowed: env().OUTBOUND_ALLOWED_NETWORKS });
  return cached;
}

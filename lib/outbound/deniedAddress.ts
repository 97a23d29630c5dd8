import { isIP } from "node:net";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";
import { OutboundDeniedError } from "@/lib/outbound/OutboundDeniedError";

/** A URL's host as an address or name: an IPv6 literal without its brackets ("[::1]" → "::1"). */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "");
}

/** The refusal for the first of `addresses` the policy denies, or undefined when it allows them all. */
export function deniedAddress(addresses: readonly string[], policy: OutboundPolicy): OutboundDeniedError | undefined {
  for (const address of addresses) {
    const reason = policy.deniedReason(address);
    if (reason) return OutboundDeniedError.address(address, reason);
  }
  return undefined;
}

/**
 * The refusal when a (bare) host is an IP address the policy denies. A socket connects to an IP
 * literal without a lookup, so guardedLookup never sees it: callers that connect check it here.
 */
export function deniedLiteral(host: string, policy: OutboundPolicy): OutboundDeniedError | undefined {
  return isIP(host) ? deniedAddress([host], policy) : undefined;
}

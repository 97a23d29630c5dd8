/**
 * An outbound request refused by the instance's outbound policy (lib/outbound/outboundPolicy.ts)
 * or to a port no HTTP request should reach. Its message names the address or port and why, never
 * the URL (a webhook URL is a credential).
 */
export class OutboundDeniedError extends Error {
  readonly code = "EOUTBOUNDDENIED";

  constructor(message: string) {
    super(message);
    this.name = "OutboundDeniedError";
  }

  static address(address: string, reason: string): OutboundDeniedError {
    return new OutboundDeniedError(`${address} is ${reason}; OUTBOUND_ALLOWED_NETWORKS may allow it`);
  }
}

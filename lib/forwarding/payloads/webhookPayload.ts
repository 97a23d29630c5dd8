import { createHmac } from "node:crypto";
import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";

/** Header with the signature of a forwarded event: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "x-faultline-signature";

/** The JSON body a webhook rule POSTs. */
export function webhookBody(input: { deliveryId: string; rule: { id: string; name: string }; event: ForwardedEvent; sentAt: Date }): string {
  return JSON.stringify({
    type: "event.forwarded",
    deliveryId: input.deliveryId,
    sentAt: input.sentAt.toISOString(),
    rule: input.rule,
    event: input.event,
  });
}

/**
 * `t=<timestamp>,v1=<HMAC-SHA256(secret, "<timestamp>.<body>") in hex>`. Receivers recompute the
 * HMAC over the raw body, compare in constant time, and refuse old timestamps (replays).
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

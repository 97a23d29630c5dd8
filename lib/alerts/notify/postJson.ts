import { postBody, type PostOutcome } from "@/lib/alerts/notify/postBody";
import { signatureHeaders } from "@/lib/alerts/notify/signWebhook";

export interface PostJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Signs the exact body sent (X-Faultline-Signature, see signWebhook.ts). */
  signingSecret?: string;
  now?: Date;
}

/** POSTs a notification's JSON (postBody: hard timeout, no redirects followed), signed when the channel has a secret. */
export async function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<PostOutcome> {
  const text = JSON.stringify(body);
  const signature = options.signingSecret ? signatureHeaders(options.signingSecret, text, options.now ?? new Date()) : {};
  return postBody(url, text, {
    headers: { ...options.headers, "content-type": "application/json", ...signature },
    timeoutMs: options.timeoutMs,
    userAgent: "Faultline-Alerts/1.0",
  });
}

import { isRetryableHttpStatus, type SendOutcome } from "@/lib/alerts/notify/backoff";
import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { signatureHeaders } from "@/lib/alerts/notify/signWebhook";

export interface PostJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Signs the exact body sent (X-Faultline-Signature, see signWebhook.ts). */
  signingSecret?: string;
  now?: Date;
}

/**
 * POSTs JSON with a hard timeout. Redirects are not followed (a webhook URL is a credential and must
 * not be forwarded elsewhere); the response body is discarded unread.
 */
export async function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const text = JSON.stringify(body);
  const signature = options.signingSecret ? signatureHeaders(options.signingSecret, text, options.now ?? new Date()) : {};
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { ...options.headers, "content-type": "application/json", "user-agent": "Faultline-Alerts/1.0", ...signature },
      body: text,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, retryable: false, durationMs: elapsed() };
    const redirect = res.status >= 300 && res.status < 400;
    return {
      ok: false,
      status: res.status,
      error: redirect ? `HTTP ${res.status} (redirects are not followed)` : `HTTP ${res.status}`,
      retryable: isRetryableHttpStatus(res.status),
      durationMs: elapsed(),
    };
  } catch (error) {
    return { ok: false, error: describeFailure(error, options.timeoutMs), retryable: true, durationMs: elapsed() };
  }
}

import { isRetryableHttpStatus } from "@/lib/alerts/notify/backoff";
import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { sendOutbound } from "@/lib/outbound/sendOutbound";

/** What one outbound POST came to (alert notifications and forwarded events). */
export interface PostOutcome {
  ok: boolean;
  status?: number;
  /** Short, secret-free description of what failed. */
  error?: string;
  retryable: boolean;
  /** The target's Retry-After (429/503), in ms. */
  retryAfterMs?: number;
  durationMs: number;
}

const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * POSTs a prepared body with a hard timeout, within the outbound policy (sendOutbound). Redirects are
 * not followed (a webhook or target URL may carry a credential and must not be forwarded elsewhere);
 * the response body is discarded unread. A request the policy refuses is not worth retrying.
 * 5xx, 408 and 429 are worth retrying.
 */
export async function postBody(url: string, body: string, options: { headers: Record<string, string>; timeoutMs: number; userAgent?: string }): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await sendOutbound({
      url,
      method: "POST",
      headers: { "user-agent": options.userAgent ?? "Faultline-Forwarder/1.0", ...options.headers },
      body,
      timeoutMs: options.timeoutMs,
    });
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, retryable: false, durationMs: elapsed() };
    const redirect = res.status >= 300 && res.status < 400;
    return {
      ok: false,
      status: res.status,
      error: redirect ? `HTTP ${res.status} (redirects are not followed)` : `HTTP ${res.status}`,
      retryable: isRetryableHttpStatus(res.status),
      retryAfterMs: retryAfterMs(firstHeader(res.headers["retry-after"])),
      durationMs: elapsed(),
    };
  } catch (error) {
    const denied = error instanceof Error && error.name === "OutboundDeniedError";
    return { ok: false, error: describeFailure(error, options.timeoutMs), retryable: !denied, durationMs: elapsed() };
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Math.min(MAX_RETRY_AFTER_MS, Number(header.trim()) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - Date.now()));
}

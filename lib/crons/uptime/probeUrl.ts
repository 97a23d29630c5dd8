import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { sendOutbound } from "@/lib/outbound/sendOutbound";

/** What one uptime check of a URL found. */
export interface ProbeResult {
  ok: boolean;
  /** The final response's status (after redirects), when there was one. */
  status?: number;
  durationMs: number;
  /** "HTTP 200", "HTTP 503", "timed out after 10000 ms", "connection refused (ECONNREFUSED)"… */
  detail: string;
}

export const PROBE_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 10;

/**
 * GETs `url` as an uptime check (within the outbound policy, sendOutbound): up when the answer
 * (after following up to 10 redirects, each hop checked) is 2xx or 3xx within the timeout; down on
 * any other status, a refused or reset connection, an unknown host, an address the policy denies or
 * the timeout. The body is discarded unread.
 */
export async function probeUrl(url: string, timeoutMs: number = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await sendOutbound({ url, method: "GET", headers: { "user-agent": "Faultline-Uptime/1.0", accept: "*/*" }, timeoutMs, maxRedirects: MAX_REDIRECTS });
    const durationMs = elapsed();
    return { ok: res.status >= 200 && res.status < 400, status: res.status, durationMs, detail: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}` };
  } catch (error) {
    return { ok: false, durationMs: elapsed(), detail: describeFailure(error, timeoutMs).replace(/^send failed/, "request failed") };
  }
}

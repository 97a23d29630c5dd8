import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { judgeProbe } from "@/lib/crons/uptime/judgeProbe";
import type { UptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";
import { sendOutbound } from "@/lib/outbound/sendOutbound";

/** What one uptime check of a URL found. */
export interface ProbeResult {
  ok: boolean;
  /** The final response's status (after redirects), when there was one. */
  status?: number;
  durationMs: number;
  /** "HTTP 200 OK", "HTTP 503 Service Unavailable", "timed out after 10000 ms", "HTTP 200 OK, but "Welcome" is not in the body"… */
  detail: string;
}

const MAX_REDIRECTS = 10;
/** How much of the body a keyword is looked for in. */
export const KEYWORD_BODY_LIMIT = 1024 * 1024;

/**
 * Requests `url` as an uptime check (the check's method and body; a body's Content-Type is JSON when
 * it parses as JSON, else plain text, unless a request header sets it) (within the outbound policy, sendOutbound), following up to 10
 * redirects (each hop checked), and judges the answer against the monitor's check (judgeProbe:
 * expected status, keyword, certificate expiry). Down on a refused or reset connection, an unknown
 * host, a rejected certificate, an address the policy denies, or the check's timeout. The body is
 * read only for a keyword, and only its first MiB.
 */
export async function probeUrl(url: string, check: UptimeCheck, headers: Record<string, string> = {}, now: () => Date = () => new Date()): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = check.timeoutSeconds * 1000;
  try {
    const res = await sendOutbound({
      url,
      method: check.method,
      headers: { "user-agent": "Faultline-Uptime/1.0", accept: "*/*", ...(check.body !== undefined && !namesContentType(headers) && { "content-type": bodyContentType(check.body) }), ...headers },
      ...(check.body !== undefined && { body: check.body }),
      timeoutMs,
      maxRedirects: MAX_REDIRECTS,
      ...(check.keyword !== undefined && { bodyLimit: KEYWORD_BODY_LIMIT }),
      acceptInvalidCertificates: check.ignoreTlsErrors,
    });
    const durationMs = elapsed();
    return { ...judgeProbe(res, check, now()), status: res.status, durationMs };
  } catch (error) {
    return { ok: false, durationMs: elapsed(), detail: describeFailure(error, timeoutMs).replace(/^send failed/, "request failed") };
  }
}

/** The Content-Type of a check's body when no request header names one. */
export function bodyContentType(body: string): string {
  try {
    JSON.parse(body);
    return "application/json";
  } catch {
    return "text/plain; charset=utf-8";
  }
}

function namesContentType(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
}

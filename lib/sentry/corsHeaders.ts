import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";
import { originAllowed } from "@/lib/sentry/allowedOrigins";

/** Headers browser SDKs may read on our answers (rate-limit back-off). */
const EXPOSED = "x-sentry-rate-limits, retry-after";
/** Headers SDKs configured with custom transports or tracing propagation may send. */
const ALLOWED_REQUEST_HEADERS = "content-type, content-encoding, x-sentry-auth, authorization, sentry-trace, baggage";

/**
 * CORS for browser SDKs. A project with no allowed origins accepts every origin (`*`, like Sentry's
 * default); otherwise only the listed ones (lib/sentry/allowedOrigins.ts: an origin, or a domain
 * with its subdomains, `https://*.example.com`), and the answer names the origin (with Vary: Origin).
 */
export function corsHeaders(req: RequestHead, allowedOrigins: string[] | null): Record<string, string> {
  const origin = req.headers.get("origin");
  const base = { "access-control-expose-headers": EXPOSED };
  if (!allowedOrigins || allowedOrigins.length === 0 || allowedOrigins.includes("*")) {
    return { ...base, "access-control-allow-origin": "*" };
  }
  if (origin && originAllowed(origin, allowedOrigins)) return { ...base, "access-control-allow-origin": origin, vary: "Origin" };
  return { ...base, vary: "Origin" };
}

export function assertOriginAllowed(req: RequestHead, allowedOrigins: string[]): void {
  const origin = req.headers.get("origin");
  if (!origin || allowedOrigins.length === 0 || originAllowed(origin, allowedOrigins)) return;
  throw ApiError.forbidden(`origin ${origin.slice(0, 100)} is not allowed for this project`);
}

export function preflightHeaders(req: RequestHead, allowedOrigins: string[] | null): Record<string, string> {
  const requested = req.headers.get("access-control-request-headers");
  return {
    ...corsHeaders(req, allowedOrigins),
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": requested && /^[\w\-, ]{1,1000}$/.test(requested) ? requested : ALLOWED_REQUEST_HEADERS,
    "access-control-max-age": "86400",
  };
}

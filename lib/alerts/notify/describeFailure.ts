/**
 * A short, secret-free description of a failed send for the delivery log. Never includes the URL
 * (webhook URLs are credentials) or response bodies (they may echo what was sent).
 */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return "send failed";
  if (error.name === "OutboundDeniedError") return `blocked: ${error.message}`;
  if (error.name === "TimeoutError" || error.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  const code = errorCode(error) ?? errorCode(error.cause);
  const smtpReply = (error as { responseCode?: unknown }).responseCode;
  if (typeof smtpReply === "number") return `SMTP ${smtpReply}${code ? ` (${code})` : ""}`;
  if (code === "ECONNREFUSED") return "connection refused (ECONNREFUSED)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `host not found (${code})`;
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return `connection timed out (${code})`;
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return `connection reset (${code})`;
  if (code && TLS_CODES.test(code)) return `TLS certificate rejected (${code})`;
  if (code) return `send failed (${code})`;
  return "send failed";
}

/** OpenSSL's verification failures as Node names them (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID…). */
const TLS_CODES = /CERT|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

function errorCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
}

/**
 * CORS of POST /api/v1/events for browser clients. No cookies are read there (an ingest key in a
 * header or `?key=` authenticates), so every origin may send; answers expose Retry-After, which
 * clients honour on 429/503.
 */
export const INGEST_CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "retry-after",
};

const ALLOWED_REQUEST_HEADERS = "content-type, content-encoding, x-faultline-key, x-faultline-project, x-faultline-client, authorization";

/** OPTIONS: the preflight of clients that send the key in a header. */
export function ingestPreflightHeaders(): Record<string, string> {
  return {
    ...INGEST_CORS_HEADERS,
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": ALLOWED_REQUEST_HEADERS,
    "access-control-max-age": "86400",
  };
}

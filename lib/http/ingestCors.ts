/**
 * CORS of POST /api/v1/events for browser clients. No cookies are read there (an ingest key in a
 * header or `?key=` authenticates), so every origin may send; answers expose Retry-After, which
 * clients honour on 429/503.
 */
const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "retry-after",
};

const ALLOWED_REQUEST_HEADERS = "content-type, content-encoding, x-faultline-key, x-faultline-project, x-faultline-client, authorization";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Adds the CORS headers to every answer of `handler`, errors included. */
export function withIngestCors<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    const response = await handler(req, ctx);
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
    return response;
  };
}

/** OPTIONS: the preflight of clients that send the key in a header. */
export function ingestPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": ALLOWED_REQUEST_HEADERS,
      "access-control-max-age": "86400",
    },
  });
}

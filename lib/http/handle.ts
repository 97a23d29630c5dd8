import { assertSameOrigin } from "@/lib/http/assertSameOrigin";
import { runLogged } from "@/lib/http/requestLog";
import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { recordIngestRequest } from "@/lib/metrics/recordIngestRequest";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

export interface HandleOptions {
  /** Counts requests and latency under this endpoint label in the ingest Prometheus metrics. */
  metricsEndpoint?: string;
}

/**
 * Wraps a route handler: request id and one log line per request, the CSRF check of
 * cookie-authenticated mutations, and every thrown error through the one mapper to HTTP.
 */
export function handle<C>(handler: Handler<C>, options: HandleOptions = {}): Handler<C> {
  return (req, ctx) =>
    runLogged(req, async () => {
      const started = performance.now();
      let response: Response;
      try {
        assertSameOrigin(req);
        response = await handler(req, ctx);
      } catch (error) {
        response = toErrorResponse(error);
      }
      if (options.metricsEndpoint) recordIngestRequest(options.metricsEndpoint, response.status, (performance.now() - started) / 1000);
      return response;
    });
}

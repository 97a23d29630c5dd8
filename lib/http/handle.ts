import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { recordIngestRequest } from "@/lib/metrics/recordIngestRequest";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

export interface HandleOptions {
  /** Counts requests and latency under this endpoint label in the ingest Prometheus metrics. */
  metricsEndpoint?: string;
}

/** Wraps a route handler so every thrown error goes through the one mapper to HTTP. */
export function handle<C>(handler: Handler<C>, options: HandleOptions = {}): Handler<C> {
  return async (req, ctx) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(req, ctx);
    } catch (error) {
      response = toErrorResponse(error);
    }
    if (options.metricsEndpoint) recordIngestRequest(options.metricsEndpoint, response.status, (performance.now() - started) / 1000);
    return response;
  };
}

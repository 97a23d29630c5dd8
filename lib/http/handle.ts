import { SESSION_COOKIE } from "@/lib/auth/session";
import { noteWrite } from "@/lib/db/localWrites";
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
    if (isDashboardChange(req, response)) noteWrite();
    if (options.metricsEndpoint) recordIngestRequest(options.metricsEndpoint, response.status, (performance.now() - started) / 1000);
    return response;
  };
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A signed-in user changed something (triage, settings, rules…): cached views on this instance may
 * no longer hold, whichever workspace it was. Such changes are rare next to ingest, which notes its
 * own workspace (storeEvents, recordExecutions) and carries no session cookie.
 */
function isDashboardChange(req: Request, response: Response): boolean {
  return !READS.has(req.method) && response.status < 400 && (req.headers.get("cookie") ?? "").includes(`${SESSION_COOKIE}=`);
}

import { noteDashboardChange } from "@/lib/http/dashboardChanges";
import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { routeOf } from "@/lib/observability/serverErrors";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler so every thrown error goes through the one mapper to HTTP, and a
 * successful change is noted for the caches of derived views (see dashboardChanges).
 */
export function handle<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      const response = await handler(req, ctx);
      if (!READS.has(req.method) && response.status < 400) noteDashboardChange();
      return response;
    } catch (error) {
      return toErrorResponse(error, undefined, { where: "http", method: req.method, route: routeOf(req.url) });
    }
  };
}

import { assertSameOrigin } from "@/lib/http/assertSameOrigin";
import { noteDashboardChange } from "@/lib/http/dashboardChanges";
import { runLogged } from "@/lib/http/requestLog";
import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { routeOf } from "@/lib/http/routeOf";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler: request id and one log line per request, the CSRF check of
 * cookie-authenticated mutations, every thrown error through the one mapper to HTTP, and a
 * successful change noted for the caches of derived views (see dashboardChanges).
 */
export function handle<C>(handler: Handler<C>): Handler<C> {
  return (req, ctx) =>
    runLogged(req, async () => {
      try {
        assertSameOrigin(req);
        const response = await handler(req, ctx);
        if (!READS.has(req.method) && response.status < 400) noteDashboardChange();
        return response;
      } catch (error) {
        return toErrorResponse(error, undefined, { where: "http", method: req.method, route: routeOf(req.url) });
      }
    });
}

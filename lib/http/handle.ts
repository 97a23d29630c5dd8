import { assertSameOrigin } from "@/lib/http/assertSameOrigin";
import { noteDashboardChange } from "@/lib/http/dashboardChanges";
import { runLogged } from "@/lib/http/requestLog";
import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { routeOf } from "@/lib/http/routeOf";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler: request id and one log line per request, the CSRF check of
 * cookie-authenticated mutations, every thrown error through the one mapper to HTTP, a
 * successful change noted for the caches of derived views (see dashboardChanges), and
 * `Cache-Control: private, no-store` on every answer that does not choose its own: API answers
 * carry a workspace's data, tokens and people, which no shared proxy or browser cache may keep.
 */
export function handle<C>(handler: Handler<C>): Handler<C> {
  return (req, ctx) =>
    runLogged(req, async () => {
      try {
        assertSameOrigin(req);
        const response = await handler(req, ctx);
        if (!READS.has(req.method) && response.status < 400) noteDashboardChange();
        return uncached(response);
      } catch (error) {
        return uncached(toErrorResponse(error, undefined, { where: "http", method: req.method, route: routeOf(req.url) }));
      }
    });
}

function uncached(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", "private, no-store");
    return response;
  } catch {
    // Immutable headers (a redirect or a proxied answer): the same answer in a copy that can be marked.
    const headers = new Headers(response.headers);
    headers.set("cache-control", "private, no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

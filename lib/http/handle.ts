import { assertSameOrigin } from "@/lib/http/assertSameOrigin";
import { runLogged } from "@/lib/http/requestLog";
import { toErrorResponse } from "@/lib/http/toErrorResponse";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/**
 * Wraps a route handler: request id and one log line per request, the CSRF check of
 * cookie-authenticated mutations, and every thrown error through the one mapper to HTTP.
 */
export function handle<C>(handler: Handler<C>): Handler<C> {
  return (req, ctx) =>
    runLogged(req, async () => {
      try {
        assertSameOrigin(req);
        return await handler(req, ctx);
      } catch (error) {
        return toErrorResponse(error);
      }
    });
}

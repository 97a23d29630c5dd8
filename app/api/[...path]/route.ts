import { runLogged } from "@/lib/http/requestLog";
import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { unknownApiPath } from "@/lib/http/unknownApiPath";

/**
 * Every /api path no other route serves, whatever the method: a JSON 404 in the API's error shape
 * instead of Next.js's HTML page. A catch-all has the lowest precedence in the App Router — every
 * static and dynamic route (`/api/v1/…`, `/api/[projectId]/envelope/` and the other Sentry paths)
 * still wins — and it is no operation of the API (lib/openapi/apiRouteFiles.ts leaves it out of the
 * route registry). Not behind handle(): the answer is the same 404 whoever asks, cross-site or not.
 */
async function notFound(req: Request): Promise<Response> {
  return runLogged(req, async () => toErrorResponse(unknownApiPath(req.method, req.url)));
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };

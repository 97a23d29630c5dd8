import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";
import { UnsubscribeQuerySchema, unsubscribeByLink } from "@/lib/notifications/unsubscribeByLink";

/**
 * POST /api/v1/notifications/unsubscribe?token= — an email's unsubscribe link (the token is the
 * credential): its kinds stop arriving by email, or the weekly report stops. A mail client's
 * one-click request (body `List-Unsubscribe=One-Click`) is the same request.
 */
export const POST = handle(async (req: Request) => {
  const { token } = parseSearchParams(UnsubscribeQuerySchema, req);
  return Response.json(await unsubscribeByLink(token));
});

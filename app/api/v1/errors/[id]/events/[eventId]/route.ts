import { authenticate } from "@/lib/auth/authenticate";
import { EventFiltersSchema, EventIdSchema } from "@/lib/errors/events/eventSchemas";
import { getEvent } from "@/lib/errors/events/getEvent";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith, safeDecode } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string; eventId: string }> };

/** GET /api/v1/errors/:id/events/:eventId — one event in full, with its neighbours' ids. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id, eventId } = await params;
  const filters = parseSearchParams(EventFiltersSchema, req);
  const auth = await authenticate(req);
  return Response.json(await getEvent(auth, id, { eventId: parseWith(EventIdSchema, safeDecode(eventId), "eventId") }, filters));
});

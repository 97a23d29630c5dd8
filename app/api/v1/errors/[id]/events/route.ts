import { authenticate } from "@/lib/auth/authenticate";
import { ListEventsQuerySchema } from "@/lib/errors/events/eventSchemas";
import { listEvents } from "@/lib/errors/events/listEvents";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/events?cursor=&environment=&release=&user= — the events, newest first. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(ListEventsQuerySchema, req);
  const auth = await authenticate(req);
  return Response.json(await listEvents(auth, id, query));
});

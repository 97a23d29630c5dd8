import { authenticate } from "@/lib/auth/authenticate";
import { EventFiltersSchema } from "@/lib/errors/events/eventSchemas";
import { getEvent } from "@/lib/errors/events/getEvent";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/events/latest — the latest event (within the filters), in full. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const filters = parseSearchParams(EventFiltersSchema, req);
  const auth = await authenticate(req);
  return Response.json(await getEvent(auth, id, "latest", filters));
});

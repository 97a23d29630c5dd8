import { authenticate } from "@/lib/auth/authenticate";
import { ActivityQuerySchema, getActivity } from "@/lib/errors/activity/getActivity";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/activity?environment= — event histograms, 24 h by hour and 30 d by day (UTC). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(ActivityQuerySchema, req);
  const auth = await authenticate(req);
  return Response.json(await getActivity(auth, id, query));
});

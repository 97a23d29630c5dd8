import { authenticate } from "@/lib/auth/authenticate";
import { getTagDistribution, TagDistributionQuerySchema } from "@/lib/errors/tags/getTagDistribution";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/tags?limit=&key= — top values with counts and shares per tag key. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(TagDistributionQuerySchema, req);
  const auth = await authenticate(req);
  return Response.json(await getTagDistribution(auth, id, query));
});

import { z } from "zod";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { deleteSavedSearch } from "@/lib/savedSearches/savedSearches";
import { IdSchema } from "@/lib/domain/idSchema";

type Ctx = { params: Promise<{ id: string }> };

/** DELETE /api/v1/saved-searches/:id — the owner's own saved search. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(z.object({ id: IdSchema }), await params);
  const auth = await requireSessionUser(req);
  await deleteSavedSearch(auth, id);
  return new Response(null, { status: 204 });
});

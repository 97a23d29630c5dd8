import { authenticate } from "@/lib/auth/authenticate";
import { findSimilarErrors } from "@/lib/grouping/similar/findSimilarErrors";
import { handle } from "@/lib/http/handle";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/similar — issues of the same project that look like the same bug, best first. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await authenticate(req);
  return Response.json(await findSimilarErrors(auth, id));
});

import { authenticate } from "@/lib/auth/authenticate";
import { listErrorFingerprints } from "@/lib/grouping/merge/listErrorFingerprints";
import { handle } from "@/lib/http/handle";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/fingerprints — the fingerprints an issue holds with their event counts (what unmerge can split off). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await authenticate(req);
  return Response.json(await listErrorFingerprints(auth, id));
});

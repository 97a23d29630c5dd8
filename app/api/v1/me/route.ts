import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { getMe } from "@/lib/workspaces/getMe";

/** GET /api/v1/me — who is signed in and which workspaces they can open. */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await getMe(auth));
});

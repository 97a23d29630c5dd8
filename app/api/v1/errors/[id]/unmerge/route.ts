import { requireSessionUser } from "@/lib/auth/session";
import { UnmergeErrorSchema } from "@/lib/grouping/merge/mergeSchemas";
import { unmergeError } from "@/lib/grouping/merge/unmergeError";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/errors/:id/unmerge — {fingerprints}: each becomes an issue of its own again (members and admins). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(UnmergeErrorSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await unmergeError(auth, id, input));
});

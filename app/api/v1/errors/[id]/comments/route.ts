import { requireSessionUser } from "@/lib/auth/session";
import { createComment, CreateCommentSchema, listComments, ListCommentsQuerySchema } from "@/lib/errors/comments/comments";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/comments?limit=&cursor= — the newest comments, listed oldest first, and a cursor to older ones (people's words: signed-in members, not ingest keys). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(ListCommentsQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listComments(auth, id, query));
});

/** POST /api/v1/errors/:id/comments `{body}` — members and admins. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(CreateCommentSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createComment(auth, id, input), { status: 201 });
});

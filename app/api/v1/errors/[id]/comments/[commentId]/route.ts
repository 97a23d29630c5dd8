import { z } from "zod";
import { requireSessionUser } from "@/lib/auth/session";
import { deleteComment } from "@/lib/errors/comments/comments";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { IdSchema } from "@/lib/domain/idSchema";

type Ctx = { params: Promise<{ id: string; commentId: string }> };

/** DELETE /api/v1/errors/:id/comments/:commentId — its author or an admin. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id, commentId } = parseWith(z.object({ id: z.string(), commentId: IdSchema }), await params);
  const auth = await requireSessionUser(req);
  await deleteComment(auth, id, commentId);
  return new Response(null, { status: 204 });
});

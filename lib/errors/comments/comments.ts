import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage, canAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { decodeEventCursor, encodeEventCursor } from "@/lib/errors/events/eventCursor";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";

export const CreateCommentSchema = z.object({ body: z.string().trim().min(1, "write something").max(10_000).refine((s) => !s.includes("\u0000"), "must not contain NUL characters") }).strict();
export type CreateCommentInput = z.infer<typeof CreateCommentSchema>;

/** GET /api/v1/errors/:id/comments — the newest `limit` comments, or those before `cursor` (a page's `nextCursor`). */
export const ListCommentsQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListCommentsQuery = z.infer<typeof ListCommentsQuerySchema>;

/**
 * A page of an issue's comments with their authors: the newest `limit` (or those just before
 * `cursor`), listed oldest first; `nextCursor` reads the older ones, null when there are none. By
 * keyset over the (groupId, createdAt) index, so a bot's thousands of comments never hide new ones.
 */
export async function listComments(auth: AuthContext, errorId: string, query: ListCommentsQuery = { limit: 100 }) {
  const group = await findVisibleError(auth, errorId);
  const before = query.cursor ? decodeEventCursor(query.cursor) : null;
  const rows = await db().errorComment.findMany({
    where: {
      groupId: group.id,
      // The plain bound lets the (groupId, createdAt) index start at the cursor.
      ...(before && { createdAt: { lte: before.occurredAt }, OR: [{ createdAt: { lt: before.occurredAt } }, { createdAt: before.occurredAt, id: { lt: before.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const oldest = page.at(-1);
  const authors = await db().user.findMany({ where: { id: { in: page.map((r) => r.authorId).filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true, email: true } });
  const byId = new Map(authors.map((a) => [a.id, a]));
  return {
    items: page.reverse().map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt.toISOString(), author: r.authorId ? byId.get(r.authorId) ?? null : null })),
    nextCursor: rows.length > query.limit && oldest ? encodeEventCursor({ occurredAt: oldest.createdAt, id: oldest.id }) : null,
  };
}

export type CommentList = Awaited<ReturnType<typeof listComments>>;

/** Members and admins comment; viewers read. */
export async function createComment(auth: AuthContext, errorId: string, input: CreateCommentInput) {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  if (auth.kind !== "user") throw ApiError.forbidden("comments are written by people");
  const row = await db().errorComment.create({ data: { id: uuidv7(), workspaceId: group.workspaceId, groupId: group.id, authorId: auth.userId, body: input.body } });
  return { id: row.id, body: row.body, createdAt: row.createdAt.toISOString(), author: { id: auth.userId, name: auth.name, email: auth.email } };
}

/** The author, or an admin, deletes a comment. */
export async function deleteComment(auth: AuthContext, errorId: string, commentId: string) {
  const group = await findVisibleError(auth, errorId);
  const comment = await db().errorComment.findFirst({ where: { id: commentId, groupId: group.id } });
  if (!comment) throw ApiError.notFound("comment not found");
  const isAuthor = auth.kind === "user" && comment.authorId === auth.userId;
  if (!isAuthor && !canAdminister(auth, group.workspaceId)) throw ApiError.forbidden("only its author or an admin can delete a comment");
  await db().errorComment.delete({ where: { id: comment.id } });
}

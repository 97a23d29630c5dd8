import { z } from "zod";
import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { describeIssueLink, type IssueTracker } from "@/lib/errors/links/describeIssueLink";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { LinkUrlSchema } from "@/lib/http/httpUrlSchema";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { IdSchema } from "@/lib/domain/idSchema";

/** An issue carries at most this many links. */
export const MAX_ISSUE_LINKS = 50;

export const IssueLinkParamsSchema = z.object({ id: IdSchema, linkId: IdSchema });

/** POST /api/v1/errors/:id/links: the tracker issue's address and, optionally, its title. */
export const CreateIssueLinkSchema = z
  .object({
    url: LinkUrlSchema,
    title: z.string().trim().max(300).optional(),
  })
  .strict();
export type CreateIssueLinkInput = z.infer<typeof CreateIssueLinkSchema>;

export interface IssueLinkDto {
  id: string;
  url: string;
  title: string | null;
  tracker: IssueTracker;
  /** "acme/shop#42", "SHOP-123": the tracker's short name for it. */
  label: string;
  createdAt: string;
  createdBy: { id: string; name: string | null } | null;
}

/** GET /api/v1/errors/:id/links — where the issue is tracked elsewhere, oldest first (any member). */
export async function listIssueLinks(auth: AuthContext, errorId: string): Promise<{ items: IssueLinkDto[] }> {
  const group = await findVisibleError(auth, errorId);
  const rows = await db().issueLink.findMany({ where: { groupId: group.id }, orderBy: { createdAt: "asc" }, take: MAX_ISSUE_LINKS });
  const people = await db().user.findMany({ where: { id: { in: rows.map((r) => r.createdById).filter((id): id is string => id !== null) } }, select: { id: true, name: true } });
  const byId = new Map(people.map((p) => [p.id, p]));
  return { items: rows.map((row) => toDto(row, row.createdById ? (byId.get(row.createdById) ?? null) : null)) };
}

/**
 * POST /api/v1/errors/:id/links — links the issue to where it is tracked (members and admins; audited
 * as `error.linked`). The same address twice is a 409 naming `url`; more than MAX_ISSUE_LINKS a 422.
 */
export async function createIssueLink(auth: AuthContext, errorId: string, input: CreateIssueLinkInput): Promise<IssueLinkDto> {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  const actorId = auth.kind === "user" ? auth.userId : null;
  if ((await db().issueLink.count({ where: { groupId: group.id } })) >= MAX_ISSUE_LINKS) {
    throw ApiError.validation("too many links", [{ path: "url", message: `an issue has at most ${MAX_ISSUE_LINKS} links` }]);
  }
  if (await db().issueLink.findUnique({ where: { groupId_url: { groupId: group.id, url: input.url } } })) throw new ApiError(409, "conflict", "the issue is already linked to that address", { field: "url" });
  const row = await db().$transaction(async (tx) => {
    const created = await tx.issueLink.create({ data: { id: uuidv7(), workspaceId: group.workspaceId, groupId: group.id, url: input.url, title: input.title || null, createdById: actorId } });
    await tx.auditLog.create({ data: linkAudit(group, auth, "error.linked", { after: { url: input.url, label: describeIssueLink(input.url).label } }) });
    return created;
  });
  return toDto(row, actorId && auth.kind === "user" ? { id: actorId, name: auth.name } : null);
}

/** DELETE /api/v1/errors/:id/links/:linkId — removes a link (members and admins; audited as `error.unlinked`). */
export async function deleteIssueLink(auth: AuthContext, errorId: string, linkId: string): Promise<void> {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  const link = await db().issueLink.findFirst({ where: { id: linkId, groupId: group.id } });
  if (!link) throw ApiError.notFound("link not found");
  await db().$transaction([
    db().issueLink.delete({ where: { id: link.id } }),
    db().auditLog.create({ data: linkAudit(group, auth, "error.unlinked", { before: { url: link.url, label: describeIssueLink(link.url).label } }) }),
  ]);
}

/** The issue's audit entry for a link added or removed, by whoever did it. */
function linkAudit(group: { id: string; workspaceId: string }, auth: AuthContext, action: string, sides: { before?: Record<string, unknown>; after?: Record<string, unknown> }) {
  return auditRow({ workspaceId: group.workspaceId, actor: auth.kind === "user" ? userActor(auth.userId) : { type: "system" }, action, targetType: "error", targetId: group.id, ...sides });
}

function toDto(row: { id: string; url: string; title: string | null; createdAt: Date }, createdBy: { id: string; name: string | null } | null): IssueLinkDto {
  return { id: row.id, url: row.url, title: row.title, ...describeIssueLink(row.url), createdAt: row.createdAt.toISOString(), createdBy };
}

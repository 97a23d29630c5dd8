import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { assertProjectFilter } from "@/lib/projects/assertWorkspaceProjects";
import { pool } from "@/lib/db/pool";
import { FEEDBACK_COLUMNS, toFeedbackDto, type FeedbackRow } from "@/lib/feedback/feedbackDto";
import { IdSchema } from "@/lib/domain/idSchema";

export const WorkspaceFeedbackQuerySchema = z.object({
  projectId: IdSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type WorkspaceFeedbackQuery = z.infer<typeof WorkspaceFeedbackQuerySchema>;

interface Row extends FeedbackRow {
  projectId: string;
  projectName: string;
  issueId: string | null;
  issueType: string | null;
  issueMessage: string | null;
}

/**
 * Every piece of user feedback of a workspace (or one project), newest first, each with the issue
 * its event belongs to when that event was stored (null for feedback not tied to an event, or whose
 * event has not arrived or has expired). Feedback from the current SDKs' widget is often not tied to
 * an error: this is where it is read.
 */
export async function listWorkspaceFeedback(auth: AuthContext, input: { workspaceId: string; query: WorkspaceFeedbackQuery }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  const { workspaceId, query } = input;
  await assertProjectFilter(workspaceId, query.projectId);
  const values = [workspaceId, query.projectId ?? null];
  const where = `f."workspaceId" = $1 AND ($2::uuid IS NULL OR f."projectId" = $2::uuid)`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    pool().query<Row>(
      `SELECT ${FEEDBACK_COLUMNS}, f."projectId", p.name AS "projectName", g.id AS "issueId", g.type AS "issueType", g.message AS "issueMessage"
       FROM "UserFeedback" f
       JOIN "Project" p ON p.id = f."projectId"
       LEFT JOIN "ErrorEventId" e ON e."projectId" = f."projectId" AND e."eventId" = f."eventId"
       LEFT JOIN "ErrorGroup" g ON g.id = e."groupId"
       WHERE ${where}
       ORDER BY f."createdAt" DESC, f.id DESC
       LIMIT $3 OFFSET $4`,
      [...values, query.pageSize, (query.page - 1) * query.pageSize],
    ),
    pool().query<{ total: number }>(`SELECT count(*)::int AS total FROM "UserFeedback" f WHERE ${where}`, values),
  ]);
  return {
    items: rows.map((row) => ({
      ...toFeedbackDto(row),
      projectId: row.projectId,
      projectName: row.projectName,
      issue: row.issueId ? { id: row.issueId, type: row.issueType ?? "", message: row.issueMessage ?? "" } : null,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: counted[0]?.total ?? 0,
  };
}

export type WorkspaceFeedbackList = Awaited<ReturnType<typeof listWorkspaceFeedback>>;

import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { markIssueDeleting } from "@/lib/errors/deletion/markIssueDeleting";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";
import { requestJobTurn } from "@/lib/jobs/startJobs";
import { PROJECT_DELETION_JOB } from "@/lib/projects/deletion/resumeProjectDeletions";

/**
 * DELETE /api/v1/errors/:id (admins; a signed-in session or a write API token, as deleting a
 * project): in one short transaction the issue is marked deleting — gone from every list and view
 * at once (404 from then on), out of the dashboard's counts, its open alerts closed, audited — and
 * ingest drops the events that would join it (lib/errors/deletion/markIssueDeleting.ts). Answered
 * 202 then; the project-deletion job, asked for a turn at once, deletes its events, attachments,
 * feedback, tags, users and other rows in batches and the issue last (lib/errors/deletion/purgeIssue.ts),
 * and finishes it after a restart. A later event with the same fingerprint opens a new issue: to stop
 * its events instead, discard the issue (POST …/discard) rather than deleting it.
 */
export async function deleteIssue(auth: AuthContext, errorId: string) {
  assertUser(auth);
  const issue = await findVisibleError(auth, errorId);
  assertCanAdminister(auth, issue.workspaceId);
  const marked = await markIssueDeleting({ id: issue.id, workspaceId: issue.workspaceId, projectId: issue.projectId }, auth.userId);
  // Deleted meanwhile by someone else, or its project is being deleted.
  if (!marked) throw ApiError.notFound("error not found");
  noteWorkspaceWrite(issue.workspaceId);
  requestJobTurn(PROJECT_DELETION_JOB);
  return {
    id: marked.id,
    status: "deleting" as const,
    deletingAt: marked.deletingAt.toISOString(),
    events: marked.occurrences,
    next: "The issue is gone from every list and count. Its events, attachments, feedback, tags and users are being deleted in the background (the project-deletion job); this cannot be undone. A new event with the same fingerprint opens a new issue.",
  };
}

/** The 202's body. */
export type DeletedIssue = Awaited<ReturnType<typeof deleteIssue>>;

import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertSignedInSession, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { requestJobTurn } from "@/lib/jobs/startJobs";
import { logger } from "@/lib/logger";
import { PROJECT_DELETION_JOB } from "@/lib/projects/deletion/resumeProjectDeletions";
import { confirmationProblem } from "@/lib/workspaces/deletion/confirmationProblem";
import { forgetWorkspaceCaches } from "@/lib/workspaces/deletion/forgetWorkspaceCaches";
import { markWorkspaceDeleting, type DoomedWorkspace } from "@/lib/workspaces/deletion/markWorkspaceDeleting";
import type { DeleteWorkspaceInput } from "@/lib/workspaces/workspaceSchemas";

/**
 * DELETE /api/v1/workspaces/:id (admins, signed in: never with an API token — nothing else a token
 * could do is as final): `confirm` must repeat the workspace's name. In one short transaction the
 * workspace is made unreachable (lib/workspaces/deletion/markWorkspaceDeleting.ts): gone from every
 * member's list, switcher and API (404), its projects marked deleting and their keys revoked (ingest
 * refuses them as a deleted project's: 401, the Sentry door 404), its rules, channels and forwarding
 * turned off, its invitations withdrawn. Answered 202 then; the project-deletion job, asked for a
 * turn at once, deletes its rows in batches and the workspace last (lib/workspaces/deletion/purgeWorkspace.ts),
 * and finishes it after a restart. The workspace's activity log goes with it: the deletion is
 * written to the instance's log instead.
 */
export async function deleteWorkspace(auth: AuthContext, workspaceId: string, input: DeleteWorkspaceInput) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  assertSignedInSession(auth, "deleting a workspace needs a signed-in session, not an API token: sign in and delete it in Settings → Workspace & members");
  const workspace = await db().workspace.findFirst({ where: { id: workspaceId, deletingAt: null }, select: { name: true } });
  if (!workspace) throw ApiError.notFound("workspace not found");
  const problem = confirmationProblem(input.confirm, workspace.name);
  if (problem) throw ApiError.validation(`confirm: ${problem}`, [{ path: "confirm", message: problem }]);
  const doomed = await markWorkspaceDeleting(workspaceId);
  // A second DELETE racing the first: this one found it marked.
  if (!doomed) throw ApiError.notFound("workspace not found");
  forgetWorkspaceCaches(workspaceId, doomed.projects, doomed.keyHashes);
  requestJobTurn(PROJECT_DELETION_JOB);
  logger.info("workspace deletion began", { workspaceId, name: doomed.name, by: auth.userId, projects: doomed.projects.length, members: doomed.members });
  return deletionAnswer(doomed);
}

/** The 202's body: what was done at once and what happens next. */
export function deletionAnswer(doomed: DoomedWorkspace) {
  return {
    id: doomed.id,
    name: doomed.name,
    slug: doomed.slug,
    status: "deleting" as const,
    deletingAt: doomed.deletingAt.toISOString(),
    projects: doomed.projects.length,
    members: doomed.members,
    ingestKeysRevoked: doomed.keyHashes.length,
    next: "Its members no longer see it and its ingest keys are refused. Its projects, issues, events, members, teams, rules, channels and activity are being deleted in the background (the project-deletion job); this cannot be undone.",
  };
}

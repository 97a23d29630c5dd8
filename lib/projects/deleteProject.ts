import type { AuthContext } from "@/lib/auth/AuthContext";
import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/ApiError";
import { requestJobTurn } from "@/lib/jobs/startJobs";
import { logger } from "@/lib/logger";
import { reportServerError } from "@/lib/observability/serverErrors";
import { markProjectDeleting } from "@/lib/projects/deletion/markProjectDeleting";
import { purgeProject } from "@/lib/projects/deletion/purgeProject";
import { PROJECT_DELETION_JOB } from "@/lib/projects/deletion/resumeProjectDeletions";
import { findProject } from "@/lib/projects/findProject";
import { forgetProjectCaches } from "@/lib/projects/forgetProjectCaches";
import type { DeleteProjectInput } from "@/lib/projects/projectSchemas";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * DELETE /api/v1/projects/:id (admins): the project's name must be typed again. First, in one short
 * transaction, the project is made unreachable — hidden, its keys revoked (refused at once by this
 * instance, within KEY_MAX_AGE_MS by the others; events already on their way are refused by the
 * store: lib/grouping/store/projectWriteLock.ts), out of the project lists of alert rules, channels
 * and declared releases — and the deletion is audited (the entry stays with the workspace). Then
 * its issues, events, event ids, rollups, counters, files and keys are deleted in short batches
 * (lib/projects/deletion/purgeProject.ts) while other projects' ingest goes on. Answered once that
 * is done; if it is interrupted, the project-deletion job finishes it.
 */
export async function deleteProject(auth: AuthContext, projectId: string, input: DeleteProjectInput) {
  assertUser(auth);
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  if (input.confirmName.trim() !== project.name) {
    throw ApiError.validation("confirmName: type the project's name to delete it", [{ path: "confirmName", message: "does not match the project's name" }]);
  }
  const keyHashes = await markProjectDeleting(project, auth.userId);
  if (!keyHashes) throw ApiError.notFound("project not found");
  invalidateRules(project.workspaceId);
  await forgetProjectCaches(project, keyHashes);
  try {
    await purgeProject(project, { wait: true });
  } catch (error) {
    // Hidden and unreachable already: the job deletes what is left.
    logger.error("project deletion interrupted; the project-deletion job finishes it", { projectId, error: errorMessage(error) });
    reportServerError(error, { where: "project-deletion" });
    requestJobTurn(PROJECT_DELETION_JOB);
  }
}

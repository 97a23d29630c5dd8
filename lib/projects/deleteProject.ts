import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findProject } from "@/lib/projects/findProject";
import { forgetProjectCaches } from "@/lib/projects/forgetProjectCaches";
import type { DeleteProjectInput } from "@/lib/projects/projectSchemas";

/**
 * Tables keyed by projectId without a foreign key (partitioned or high-volume rollups): their rows
 * go with the project explicitly, or they would stay forever (retention walks existing projects).
 */
const PROJECT_TABLES = [
  "ErrorEventId",
  "ErrorHourly",
  "ErrorDaily",
  "ErrorWeekly",
  "ProjectDaily",
  "UserDaily",
  "UserWeekly",
  "AgentDaily",
  "ExecutionMinute",
  "ExecutionDaily",
  "ReleaseSessionDaily",
  "ReleaseUserDaily",
  "ReleaseDaily",
  "ClientDiscard",
  "FilteredDaily",
  "CountedSession",
  "RateLimitWindow",
  "QuotaWindow",
  "IngestMinute",
  "ErrorFiveMinute",
  "ErrorEnvDaily",
  "ErrorEnvWeekly",
  "ProjectBucket",
  "ActorCount",
  "ActorFiveMinute",
  "ActorPending",
  "RecoveryDaily",
  "RecoveryDurationDaily",
  "ExecutionHourly",
] as const;

/**
 * DELETE /api/v1/projects/:id (admins): the project's name must be typed again. Its issues, events
 * (occurrences through their issues, event ids, rollups, counters) and keys go with it, and it
 * leaves the project lists of alert rules and channels; the audit entry (in the workspace) stays.
 */
export async function deleteProject(auth: AuthContext, projectId: string, input: DeleteProjectInput) {
  assertUser(auth);
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  if (input.confirmName.trim() !== project.name) {
    throw ApiError.validation("confirmName: type the project's name to delete it", [{ path: "confirmName", message: "does not match the project's name" }]);
  }
  const keys = await db().ingestKey.findMany({ where: { projectId }, select: { keyHash: true } });
  await db().$transaction([
    db().auditLog.create({
      data: auditRow({ workspaceId: project.workspaceId, actor: userActor(auth.userId), action: "project.deleted", targetType: "project", targetId: projectId, before: { name: project.name, publicId: project.publicId } }),
    }),
    ...PROJECT_TABLES.map((table) => db().$executeRawUnsafe(`DELETE FROM "${table}" WHERE "projectId" = $1::uuid`, projectId)),
    // Alert rules and channels limited to some projects lose this one; one left with none is turned
    // off (an empty list means every project), not widened.
    ...["AlertRule", "NotificationChannel"].map((table) =>
      db().$executeRawUnsafe(
        `UPDATE "${table}" SET enabled = enabled AND cardinality(array_remove("projectIds", $1::uuid)) > 0, "projectIds" = array_remove("projectIds", $1::uuid), "updatedAt" = now()
          WHERE "workspaceId" = $2::uuid AND $1::uuid = ANY("projectIds")`,
        projectId,
        project.workspaceId,
      ),
    ),
    db().project.delete({ where: { id: projectId } }),
  ]);
  invalidateRules(project.workspaceId);
  await forgetProjectCaches(project, keys.map((k) => k.keyHash));
}

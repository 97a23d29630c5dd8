import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { ErrorGroup, Prisma } from "@/lib/generated/prisma/client";
import { toErrorDetail } from "@/lib/errors/errorDto";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";
import { assertAssignable } from "@/lib/assignment/assertAssignable";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { onErrorStatusChanged } from "@/lib/alerts/onErrorStatusChanged";
import { latestReleaseOf } from "@/lib/errors/triage/latestRelease";
import { stopDiscardingGroup } from "@/lib/errors/triage/stopDiscardingGroup";
import { hasIgnoreCondition, statusFields } from "@/lib/errors/triage/statusDetails";

type Tracked = "status" | "assigneeId" | "assigneeTeamId" | "resolution" | "rootCause" | "preventiveMeasures";
const TRACKED: Tracked[] = ["status", "assigneeId", "assigneeTeamId", "resolution", "rootCause", "preventiveMeasures"];

/**
 * Changes status / assignee / resolution fields and writes one audit entry with before and after.
 * Resolving stamps resolvedAt and resolvedBy; reopening keeps the resolution text for history. The
 * first move out of `new` in an episode stamps acknowledgedAt (time to acknowledge, docs/metrics.md).
 * The assignee is a person, a team, or a person of the owning team: assigning someone outside the
 * team clears the team, and assigning a team its non-member clears the person. A person assigned is a
 * member or an admin of the workspace (a viewer cannot act on the issue): 422 naming assigneeId.
 */
export async function updateError(auth: AuthContext, errorId: string, input: UpdateErrorInput) {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  const actorId = auth.kind === "user" ? auth.userId : null;

  const { statusDetails, ...fields } = input;
  const now = new Date();
  const data: Prisma.ErrorGroupUncheckedUpdateInput = { ...fields, ...(await assigneeChanges(group, input)) };
  if (input.status === "resolved" && group.status !== "resolved") {
    data.resolvedAt = now;
    data.resolvedById = actorId;
  }
  if (input.status && input.status !== "resolved" && group.status === "resolved") {
    data.resolvedAt = null;
  }
  if (input.status) {
    const latestRelease = statusDetails?.inNextRelease ? await latestReleaseOf(group.id) : null;
    // No release to be newer than: it would stay resolved whatever came (a service that sends none).
    if (statusDetails?.inNextRelease && latestRelease === null) {
      const message = "this issue has no events with a release, so there is no next release to wait for: resolve it now instead";
      throw ApiError.validation(`statusDetails.inNextRelease: ${message}`, [{ path: "statusDetails.inNextRelease", message }]);
    }
    Object.assign(data, statusFields(input.status, statusDetails, { ...group, latestRelease }, now));
    // Resolved or ignored by a person: a regression is over (regressedAt stays, for reports and episodes).
    if (input.status === "resolved" || input.status === "ignored") data.regressed = false;
  }
  if (input.status && input.status !== "new" && group.status === "new" && !acknowledgedThisEpisode(group)) {
    data.acknowledgedAt = now;
  }

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of TRACKED) {
    const next = data[key];
    if (next === undefined) continue;
    if (JSON.stringify(group[key]) === JSON.stringify(next)) continue;
    before[key] = group[key];
    after[key] = next;
  }
  if (statusDetails) after.statusDetails = statusDetails;

  const [updated] = await db().$transaction([
    db().errorGroup.update({ where: { id: group.id }, data }),
    ...(Object.keys(after).length
      ? [
          db().auditLog.create({
            data: {
              id: uuidv7(),
              workspaceId: group.workspaceId,
              actorId,
              actorType: "user",
              action: input.status && input.status !== group.status ? `error.${input.status}` : "error.updated",
              targetType: "error",
              targetId: group.id,
              before: before as Prisma.InputJsonValue,
              after: after as Prisma.InputJsonValue,
            },
          }),
        ]
      : []),
  ]);
  await onErrorStatusChanged(group, updated, actorId);
  // Its new events are wanted again unless it stays ignored for good: reopened, resolved (a
  // recurrence must be able to regress it), or ignored until a time or count it could never reach
  // while its events were dropped.
  if (input.status && !(input.status === "ignored" && !hasIgnoreCondition(statusDetails))) await stopDiscardingGroup(group, actorId);
  return toErrorDetail(updated);
}

/** Acknowledged after its last regression (or ever, when it never regressed). */
function acknowledgedThisEpisode(group: ErrorGroup): boolean {
  if (!group.acknowledgedAt) return false;
  return !group.regressedAt || group.acknowledgedAt.getTime() >= group.regressedAt.getTime();
}

async function assigneeChanges(group: ErrorGroup, input: UpdateErrorInput): Promise<{ assigneeId?: string | null; assigneeTeamId?: string | null }> {
  const out: { assigneeId?: string | null; assigneeTeamId?: string | null } = {};
  if (input.assigneeId) await assertAssignable(input.assigneeId, group.workspaceId);
  if (input.assigneeTeamId) {
    const team = await db().team.findFirst({ where: { id: input.assigneeTeamId, workspaceId: group.workspaceId } });
    if (!team) throw ApiError.validation("assigneeTeamId: not a team of this workspace", [{ path: "assigneeTeamId", message: "not a team of this workspace" }]);
  }
  // The pairing is the request's business only when it sets a side: a status change leaves the
  // assignee as it is, even one whose person has left the team meanwhile.
  if (input.assigneeId === undefined && input.assigneeTeamId === undefined) return out;
  const teamId = input.assigneeTeamId !== undefined ? input.assigneeTeamId : group.assigneeTeamId;
  const userId = input.assigneeId !== undefined ? input.assigneeId : group.assigneeId;
  if (teamId && userId) {
    const inTeam = await db().teamMember.findUnique({ where: { teamId_userId: { teamId, userId } } });
    if (!inTeam) {
      // The side the caller just set wins; the other is cleared.
      if (input.assigneeId !== undefined && input.assigneeTeamId === undefined) out.assigneeTeamId = null;
      else if (input.assigneeTeamId !== undefined && input.assigneeId === undefined) out.assigneeId = null;
      else throw ApiError.validation("assigneeId: not a member of the team assigned", [{ path: "assigneeId", message: "not a member of assigneeTeamId" }]);
    }
  }
  return out;
}

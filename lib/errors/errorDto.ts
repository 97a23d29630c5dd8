import type { ErrorGroup } from "@/lib/generated/prisma/client";
import type { StoredChainException } from "@/lib/grouping/chain/ChainException";

/** The JSON shape of an error group (the spec's `errors[]` item) sent to clients. */
export function toErrorSummary(group: ErrorGroup) {
  return {
    errorId: group.id,
    workspaceId: group.workspaceId,
    projectId: group.projectId,
    fingerprint: group.fingerprint,
    type: group.type,
    message: group.message,
    severity: group.severity,
    category: group.category,
    source: group.source,
    platform: group.platform,
    status: group.status,
    firstSeen: group.firstSeen.toISOString(),
    lastSeen: group.lastSeen.toISOString(),
    occurrences: group.occurrenceCount,
    assigneeId: group.assigneeId,
    assigneeTeamId: group.assigneeTeamId,
    acknowledgedAt: group.acknowledgedAt?.toISOString() ?? null,
    /** When an event last reopened it after it was resolved (kept after it is resolved again). */
    regressedAt: group.regressedAt?.toISOString() ?? null,
    /** In that regression still: not resolved or ignored since (the REGRESSED badge, `is:regressed`). */
    regressed: group.regressed,
    statusDetails: statusDetailsOf(group),
    impact: {
      usersAffected: group.usersAffected,
      agentsAffected: group.agentsAffected,
      executionsAffected: group.executionsAffected,
      creditsLost: Number(group.creditsLost),
      cascadingFailures: group.cascadingFailures,
    },
  };
}

export type ErrorSummary = ReturnType<typeof toErrorSummary>;

export function toErrorDetail(group: ErrorGroup) {
  return {
    ...toErrorSummary(group),
    stackTrace: group.stackTrace,
    frames: group.frames,
    exceptions: group.exceptions as StoredChainException[] | null,
    context: group.context,
    resolution: group.resolvedAt
      ? {
          resolvedAt: group.resolvedAt.toISOString(),
          resolvedBy: group.resolvedById,
          resolution: group.resolution,
          rootCause: group.rootCause,
          preventiveMeasures: group.preventiveMeasures,
        }
      : null,
  };
}

/** What a conditional resolve / ignore is waiting for (absolute targets; the page shows what is left). */
function statusDetailsOf(group: ErrorGroup) {
  return {
    inNextRelease: group.resolvedInNextRelease,
    resolvedRelease: group.resolvedRelease,
    ignoredUntil: group.ignoredUntil?.toISOString() ?? null,
    ignoreUntilEvents: group.ignoreUntilEvents,
    ignoreUntilUsers: group.ignoreUntilUsers,
  };
}

import { auditIds } from "@/lib/audit/auditIds";
import { auditIssueRefs } from "@/lib/audit/auditIssueRefs";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { seesPeople } from "@/lib/auth/seesPeople";
import { db } from "@/lib/db/prisma";
import { toErrorDetail } from "@/lib/errors/errorDto";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { findMergeTarget } from "@/lib/grouping/merge/findMergeTarget";
import { ApiError } from "@/lib/http/ApiError";
import { countIssueFeedback } from "@/lib/feedback/countIssueFeedback";
import { monitorOfIssue } from "@/lib/crons/monitorOfIssue";
import { hasClientFrames } from "@/lib/errors/events/clientFrames";
import { viewChain, viewStoredFrames } from "@/lib/errors/events/eventFrames";
import { issueCulprit } from "@/lib/errors/issueCulprit";
import { discardStateOf } from "@/lib/errors/triage/discardIssue";
import { issueTitle } from "@/lib/domain/issueTitle";
import { chainWithoutVars, framesWithoutVars, tagsWithoutEndUsers } from "@/lib/errors/events/withoutEndUsers";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";

const RECENT_OCCURRENCES = 20;
const AUDIT_ENTRIES = 50;
const ISSUE_TITLE_CHARS = 120;

/**
 * One error group with its latest occurrences, people involved and audit trail. An ingest key gets
 * the issue without its people (seesPeople): no names or emails, no trail, no resolution notes; and
 * without its end users: the occurrences' `userId`, `metadata` (the user, request, breadcrumbs…) and
 * `user`/`url` tags, the frames' variables and the issue's `context` are left out
 * (lib/errors/events/withoutEndUsers.ts).
 */
export async function getErrorDetails(auth: AuthContext, errorId: string) {
  const group = await findVisibleError(auth, errorId).catch(async (error: unknown) => {
    const mergedInto = error instanceof ApiError && error.status === 404 ? await findMergeTarget(auth, errorId) : null;
    throw mergedInto ? new ApiError(404, "not_found", "this issue was merged into another one", { mergedInto }) : error;
  });
  const withPeople = seesPeople(auth);
  const people = withPeople ? [group.assigneeId, group.resolvedById].filter((id): id is string => Boolean(id)) : [];
  const [occurrences, trail, users, lastRelease, team, project, feedback, monitor, rules, discard] = await Promise.all([
    db().errorOccurrence.findMany({
      where: { groupId: group.id },
      // Time, then ingest order (ids of one millisecond increase as made): the order every event view uses.
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: RECENT_OCCURRENCES,
    }),
    db().auditLog.findMany({
      where: { targetType: "error", targetId: group.id, ...(withPeople ? {} : { id: { in: [] } }) },
      orderBy: { at: "desc" },
      take: AUDIT_ENTRIES,
    }),
    db().user.findMany({ where: { id: { in: people } }, select: { id: true, name: true, email: true } }),
    // The release the issue was last seen in, from the per-issue tag rollup (the first is on the
    // issue itself: the same firstRelease the releases page and the `firstRelease:` search use).
    db().errorGroupTag.findFirst({ where: { groupId: group.id, key: "release" }, orderBy: [{ lastSeen: "desc" }, { value: "desc" }], select: { value: true } }),
    group.assigneeTeamId ? db().team.findUnique({ where: { id: group.assigneeTeamId }, select: { id: true, name: true } }) : null,
    db().project.findUnique({ where: { id: group.projectId }, select: { maxEventsPerIssue: true, retentionDays: true } }),
    countIssueFeedback(group),
    monitorOfIssue(group),
    loadGroupingRules(group.projectId),
    discardStateOf(group.id),
  ]);
  // An issue deleted before had the same id when its fingerprint was the same: its trail ends at its
  // deletion, this one's starts after it (a merge or unmerge before — the issue's row made again — stays).
  const deletedAt = trail.findIndex((a) => a.action === "error.deleted");
  const audit = deletedAt < 0 ? trail : trail.slice(0, deletedAt);
  // The people the trail names: who acted, and whom an entry assigned the issue to.
  const assignedIn = (after: unknown) => auditIds("assigneeId", after)[0] ?? null;
  const actorIds = withPeople ? [...new Set([...audit.flatMap((a) => [a.actorId, assignedIn(a.after)]), discard.discarded?.byId].filter((id): id is string => Boolean(id)))] : [];
  // The other issues the trail's merges and unmerges name: linked while they exist in the workspace.
  const issueRefs = new Map(audit.map((a) => [a.id, auditIssueRefs(a.action, a.before, a.after)]));
  const refIds = [...new Set([...issueRefs.values()].flat().map((r) => r.errorId))];
  const [actors, others] = await Promise.all([
    db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }),
    refIds.length > 0 ? db().errorGroup.findMany({ where: { id: { in: refIds }, workspaceId: group.workspaceId }, select: { id: true, type: true, message: true } }) : [],
  ]);
  const nameOf = new Map([...users, ...actors].map((u) => [u.id, u]));
  const otherIssue = new Map(others.map((g) => [g.id, g]));
  const issuesNamed = (entryId: string) =>
    (issueRefs.get(entryId) ?? []).flatMap((ref) => {
      const found = otherIssue.get(ref.errorId);
      const named = found ?? ref.snapshot;
      return named ? [{ errorId: found ? ref.errorId : null, title: issueTitle(named, ISSUE_TITLE_CHARS) }] : [];
    });

  const detail = toErrorDetail(group);
  // The frames' local variables are whatever the application held (an end user's too): not for a key.
  const noVars = <T>(frames: T): T => (withPeople ? frames : framesWithoutVars(frames));
  const noChainVars = <T extends { frames?: unknown }>(chain: T[] | null) => (withPeople ? chain : chainWithoutVars(chain));
  // The issue's frames came as its events' do: structured from an SDK (its in_app flags its own) or as text.
  const clientFrames = hasClientFrames(null, group.exceptions) || occurrences.some((o) => hasClientFrames(o.metadata, o.exceptions));
  return {
    ...detail,
    context: withPeople ? detail.context : null,
    resolution: detail.resolution && !withPeople ? { ...detail.resolution, resolution: null, rootCause: null, preventiveMeasures: [] } : detail.resolution,
    // Frames flagged in-app as grouping judges them, as the event viewer shows them.
    // Frames flagged in-app as grouping judges them: a text trace's stored frames carry version 1's guess.
    frames: noVars(viewStoredFrames(detail.frames, group.platform, rules.frameOverride, clientFrames) ?? detail.frames),
    exceptions: noChainVars(viewChain(group.exceptions, group.platform, rules.frameOverride, clientFrames)),
    culprit: await issueCulprit(group),
    // The latest event's release when it is the last one seen (events of one second tie in the rollup).
    releases: { first: group.firstRelease, last: latestRelease(occurrences[0], group.lastSeen) ?? lastRelease?.value ?? null },
    assignee: group.assigneeId ? nameOf.get(group.assigneeId) ?? null : null,
    assigneeTeam: team,
    resolvedByUser: group.resolvedById ? nameOf.get(group.resolvedById) ?? null : null,
    /** Pieces of user feedback about the issue's events (GET /api/v1/errors/:id/feedback lists them). */
    feedback,
    /** The cron monitor whose failed runs this issue holds (null for other issues). */
    monitor,
    /** Since when (and by whom) new events of the issue are dropped at ingest; null while they are stored. */
    discarded: discard.discarded ? { ...discard.discarded, by: discard.discarded.byId ? nameOf.get(discard.discarded.byId) ?? null : null } : null,
    /**
     * The project keeps events this many days; `expiredEvents` of the issue's stored events are past
     * it and deleted (the issue keeps its counts, users and history; with none left, `recentOccurrences` is empty).
     */
    retention: { days: project?.retentionDays ?? null, expiredEvents: group.expiredCount },
    // Spike protection or the per-issue cap counted events without keeping them (counts stay exact).
    sampling:
      group.sampledCount > 0
        ? {
            storedEvents: Math.max(0, group.occurrenceCount - group.sampledCount - group.expiredCount),
            sampledEvents: group.sampledCount,
            expiredEvents: group.expiredCount,
            lastSampledAt: group.lastSampledAt?.toISOString() ?? null,
            issueCap: project?.maxEventsPerIssue ?? null,
          }
        : null,
    recentOccurrences: occurrences.map((o) => ({
      id: o.id,
      eventId: o.eventId,
      occurredAt: o.occurredAt.toISOString(),
      message: o.message,
      severity: o.severity,
      userId: withPeople ? o.userId : null,
      agentId: o.agentId,
      runId: o.runId,
      environment: o.environment,
      release: o.release,
      tags: withPeople ? o.tags : tagsWithoutEndUsers(o.tags),
      metadata: withPeople ? o.metadata : null,
      parentEventId: o.parentEventId,
      // The exception chain (raised first), when the event had more than its raised exception.
      exceptions: noChainVars(viewChain(o.exceptions, group.platform, rules.frameOverride, hasClientFrames(o.metadata, o.exceptions))),
      recovery:
        o.recovered === null
          ? null
          : { recovered: o.recovered, method: o.recoveryMethod, durationMs: o.recoveryDurationMs, automatic: o.recoveryAutomatic },
    })),
    audit: audit.map((a) => ({
      id: a.id,
      action: a.action,
      actorType: a.actorType,
      actor: a.actorId ? nameOf.get(a.actorId) ?? null : null,
      /** Whom the entry assigned the issue to (null when it assigned no one, or they are gone). */
      assignee: nameOf.get(assignedIn(a.after) ?? "") ?? null,
      before: a.before,
      after: a.after,
      /** The other issues a merge or unmerge names: each with its title, and its id while it exists (else null: a merged issue's old id). */
      issues: issuesNamed(a.id),
      at: a.at.toISOString(),
    })),
  };
}

function latestRelease(latest: { occurredAt: Date; release: string | null } | undefined, lastSeen: Date): string | null {
  return latest && latest.release && latest.occurredAt.getTime() >= lastSeen.getTime() ? latest.release : null;
}

export type ErrorDetails = Awaited<ReturnType<typeof getErrorDetails>>;

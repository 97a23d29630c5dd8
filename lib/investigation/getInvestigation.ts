import type { AuthContext } from "@/lib/auth/AuthContext";
import { classifyPattern, type PatternKind } from "@/lib/analytics/classifyPattern";
import { queryRows } from "@/lib/analytics/queryRows";
import { db } from "@/lib/db/prisma";
import type { ErrorGroup } from "@/lib/generated/prisma/client";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { recommendationsFor } from "@/lib/investigation/runbook";

const PATTERN_WINDOW_MS = 7 * 86_400_000;
const SAMPLE = 50;
const TRACE_SLACK_MS = 10 * 60_000;

/**
 * Seed 004's investigation for one issue: its pattern (rule in docs/metrics.md), similar issues,
 * issues seen in the same runs or traces, and the runbook's recommendations as a checklist with
 * what the team has already ticked.
 */
export async function getInvestigation(auth: AuthContext, errorId: string, now = new Date()) {
  const group = await findVisibleError(auth, errorId);
  const [pattern, similar, sameRun, sameTrace, checks] = await Promise.all([
    patternOf(group, now),
    similarIssues(group),
    issuesInSameRuns(group),
    issuesInSameTraces(group),
    db().investigationCheck.findMany({ where: { groupId: group.id } }),
  ]);
  const checkedBy = await db().user.findMany({ where: { id: { in: checks.map((c) => c.checkedById).filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true, email: true } });
  const userById = new Map(checkedBy.map((u) => [u.id, u]));
  const checkByKey = new Map(checks.map((c) => [c.itemKey, c]));
  const recommendations = recommendationsFor({ ...group, pattern: pattern.kind }).map((r) => {
    const check = checkByKey.get(r.key);
    return { ...r, checked: Boolean(check), checkedAt: check?.checkedAt.toISOString() ?? null, checkedBy: check?.checkedById ? userById.get(check.checkedById) ?? null : null };
  });
  return { errorId: group.id, pattern, similar, sameRun, sameTrace, recommendations };
}

export type Investigation = Awaited<ReturnType<typeof getInvestigation>>;

/** Events of the last 7 days (hourly rollup), first and last of them (index seeks); all-time when none. */
async function patternOf(group: ErrorGroup, now: Date): Promise<{ kind: PatternKind; count: number; firstAt: string; lastAt: string; window: "7d" | "all" }> {
  const since = new Date(now.getTime() - PATTERN_WINDOW_MS);
  const [counted] = await queryRows<{ n: number }>(`SELECT coalesce(sum(count), 0)::int AS n FROM "ErrorHourly" WHERE "groupId" = $1 AND bucket >= date_trunc('hour', $2::timestamptz)`, [group.id, since]);
  const bounds = await queryRows<{ first: Date | null; last: Date | null }>(
    `SELECT (SELECT "occurredAt" FROM "ErrorOccurrence" WHERE "groupId" = $1 AND "occurredAt" >= $2 ORDER BY "occurredAt" LIMIT 1) AS first,
            (SELECT "occurredAt" FROM "ErrorOccurrence" WHERE "groupId" = $1 ORDER BY "occurredAt" DESC LIMIT 1) AS last`,
    [group.id, since],
  );
  const first = bounds[0]?.first;
  const last = bounds[0]?.last;
  if (counted.n === 0 || !first || !last || last < since) {
    const kind = classifyPattern({ count: group.occurrenceCount, firstAt: group.firstSeen, lastAt: group.lastSeen });
    return { kind, count: group.occurrenceCount, firstAt: group.firstSeen.toISOString(), lastAt: group.lastSeen.toISOString(), window: "all" };
  }
  return { kind: classifyPattern({ count: counted.n, firstAt: first, lastAt: last }), count: counted.n, firstAt: first.toISOString(), lastAt: last.toISOString(), window: "7d" };
}

/** Same exception type in the same workspace, most recently seen first. */
async function similarIssues(group: ErrorGroup) {
  const rows = await db().errorGroup.findMany({
    where: { workspaceId: group.workspaceId, type: group.type, id: { not: group.id } },
    orderBy: { lastSeen: "desc" },
    take: 5,
    select: { id: true, type: true, message: true, status: true, severity: true, occurrenceCount: true, lastSeen: true },
  });
  return rows.map((r) => ({ ...r, lastSeen: r.lastSeen.toISOString() }));
}

interface RelatedRow {
  groupId: string;
  type: string;
  message: string;
  status: string;
  severity: string;
  shared: number;
}

/** Other issues with events in the runs (runId) of this issue's latest events. */
async function issuesInSameRuns(group: ErrorGroup) {
  const rows = await queryRows<RelatedRow>(
    `WITH runs AS (
       SELECT DISTINCT "runId" FROM (SELECT "runId" FROM "ErrorOccurrence" WHERE "groupId" = $1 AND "runId" IS NOT NULL ORDER BY "occurredAt" DESC LIMIT $2) s
     )
     SELECT g.id AS "groupId", g.type, g.message, g.status::text, g.severity::text, count(DISTINCT o."runId")::int AS shared
     FROM runs r JOIN "ErrorOccurrence" o ON o."runId" = r."runId" JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE o."groupId" <> $1 AND o."workspaceId" = $3
     GROUP BY g.id ORDER BY shared DESC, g."lastSeen" DESC LIMIT 10`,
    [group.id, SAMPLE, group.workspaceId],
  );
  return rows;
}

/** Other issues with events in the traces of this issue's latest events (within minutes of them). */
async function issuesInSameTraces(group: ErrorGroup) {
  return queryRows<RelatedRow>(
    `WITH traces AS (
       SELECT trace, min("occurredAt") - $3 * interval '1 millisecond' AS "from", max("occurredAt") + $3 * interval '1 millisecond' AS "to"
       FROM (SELECT metadata #>> '{sentry,contexts,trace,trace_id}' AS trace, "occurredAt" FROM "ErrorOccurrence"
             WHERE "groupId" = $1 ORDER BY "occurredAt" DESC LIMIT $2) s
       WHERE trace IS NOT NULL GROUP BY trace LIMIT 10
     ), hits AS (
       SELECT t.trace, o."groupId" FROM traces t CROSS JOIN LATERAL (
         SELECT "groupId" FROM "ErrorOccurrence" o
         WHERE o."workspaceId" = $4 AND o."occurredAt" BETWEEN t."from" AND t."to"
           AND o."groupId" <> $1 AND o.metadata #>> '{sentry,contexts,trace,trace_id}' = t.trace
         LIMIT 200
       ) o
     )
     SELECT g.id AS "groupId", g.type, g.message, g.status::text, g.severity::text, count(DISTINCT h.trace)::int AS shared
     FROM hits h JOIN "ErrorGroup" g ON g.id = h."groupId"
     GROUP BY g.id ORDER BY shared DESC, g."lastSeen" DESC LIMIT 10`,
    [group.id, SAMPLE, TRACE_SLACK_MS, group.workspaceId],
  );
}

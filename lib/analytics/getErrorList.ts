import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { activeInWindow, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { queryRows } from "@/lib/analytics/queryRows";
import type { Severity } from "@/lib/domain/severity";
import { compareText, topN } from "@/lib/analytics/stats";

const SAMPLE_IDS = 10;

interface ListRow {
  id: string;
  fingerprint: string;
  type: string;
  message: string;
  severity: Severity;
  status: string;
  category: string;
  firstSeen: Date;
  lastSeen: Date;
  occurrenceCount: number;
  usersAffected: number;
  agentsAffected: number;
  executionsAffected: number;
  creditsLost: string;
  cascadingFailures: number;
  stackTrace: string | null;
  context: Record<string, unknown>;
  resolvedAt: Date | null;
  resolvedById: string | null;
  resolution: string | null;
  rootCause: string | null;
  preventiveMeasures: string[];
}

/**
 * The spec's `errors` list: groups with events in the window, newest first, paged. affectedUsers /
 * affectedAgents hold up to 10 ids each (the exact counts are in impact): a group may have 100k users.
 */
export async function getErrorList(ctx: AnalyticsContext, groups: WindowGroup[], page: { page: number; pageSize: number }) {
  const active = activeInWindow(groups);
  const newestFirst = topN(active, page.page * page.pageSize, (a, b) => b.lastSeenMs - a.lastSeenMs || compareText(b.id, a.id));
  const pageGroups = newestFirst.slice((page.page - 1) * page.pageSize);
  const ids = pageGroups.map((g) => g.id);
  const windowCount = new Map(pageGroups.map((g) => [g.id, g.cur]));
  const byId = new Map(
    (await queryRows<ListRow>(`SELECT g.*, g.id::text AS id FROM "ErrorGroup" g WHERE g.id = ANY($1::uuid[])`, [ids])).map((r) => [r.id, r]),
  );
  const rows = ids.map((id) => byId.get(id)).filter((r): r is ListRow => r !== undefined);
  const [users, agents, latest] = await Promise.all([sampleIds("ErrorGroupUser", "userId", ids), sampleIds("ErrorGroupAgent", "agentId", ids), latestEvents(ids)]);
  return {
    items: rows.map((r) => ({
      errorId: r.id,
      fingerprint: r.fingerprint,
      type: r.type,
      message: r.message,
      severity: r.severity,
      status: r.status,
      category: r.category,
      firstSeen: r.firstSeen.toISOString(),
      lastSeen: r.lastSeen.toISOString(),
      occurrences: r.occurrenceCount,
      windowOccurrences: windowCount.get(r.id) ?? 0,
      affectedUsers: users.get(r.id) ?? [],
      affectedAgents: agents.get(r.id) ?? [],
      stackTrace: r.stackTrace ?? "",
      context: {
        agentId: (r.context.agentId as string | null) ?? undefined,
        userId: latest.get(r.id)?.userId ?? undefined,
        workspaceId: ctx.scope.workspaceId,
        environment: (r.context.environment as string | null) ?? "",
        version: (r.context.release as string | null) ?? "",
        metadata: latest.get(r.id)?.metadata ?? {},
      },
      impact: {
        usersAffected: r.usersAffected,
        agentsAffected: r.agentsAffected,
        executionsAffected: r.executionsAffected,
        creditsLost: Number(r.creditsLost),
        cascadingFailures: r.cascadingFailures,
      },
      resolution: r.resolvedAt
        ? {
            resolvedAt: r.resolvedAt.toISOString(),
            resolvedBy: r.resolvedById,
            resolution: r.resolution,
            rootCause: r.rootCause,
            preventiveMeasures: r.preventiveMeasures,
          }
        : undefined,
    })),
    page: page.page,
    pageSize: page.pageSize,
    total: active.length,
  };
}

/**
 * The user and metadata of each issue's latest stored event: the issue itself keeps nothing about
 * the end user (lib/ingest/groupContext.ts), so an issue whose events are past retention has none.
 */
async function latestEvents(groupIds: string[]) {
  if (groupIds.length === 0) return new Map<string, { userId: string | null; metadata: Record<string, unknown> | null }>();
  const rows = await queryRows<{ id: string; userId: string | null; metadata: Record<string, unknown> | null }>(
    `SELECT g.id::text, o."userId", o.metadata FROM unnest($1::uuid[]) AS g(id)
     CROSS JOIN LATERAL (SELECT "userId", metadata FROM "ErrorOccurrence" WHERE "groupId" = g.id ORDER BY "occurredAt" DESC LIMIT 1) o`,
    [groupIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function sampleIds(table: "ErrorGroupUser" | "ErrorGroupAgent", column: "userId" | "agentId", groupIds: string[]) {
  if (groupIds.length === 0) return new Map<string, string[]>();
  const rows = await queryRows<{ id: string; ids: string[] | null }>(
    `SELECT g.id::text, s.ids FROM unnest($1::uuid[]) AS g(id)
     CROSS JOIN LATERAL (SELECT array_agg("${column}") AS ids FROM (
       SELECT "${column}" FROM "${table}" WHERE "groupId" = g.id LIMIT ${SAMPLE_IDS}) x) s`,
    [groupIds],
  );
  return new Map(rows.map((r) => [r.id, r.ids ?? []]));
}

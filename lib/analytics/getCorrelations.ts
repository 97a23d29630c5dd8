import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { buildErrorChains, type CascadeEdge, type ChainGroup } from "@/lib/analytics/buildErrorChains";
import { occurrenceFilters, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { executionsSource } from "@/lib/analytics/executionsSource";
import { runSequenceEdges } from "@/lib/analytics/runSequenceEdges";
import type { ActorTotals } from "@/lib/analytics/loadActorTotals";
import { compareText, percentage } from "@/lib/analytics/stats";

export const TOP_ENTITIES = 10;
const TYPES_PER_ENTITY = 5;
const MAX_CHAINS = 10;
/** Run-sequence links are read from the newest run-tagged occurrences only. */
const RUN_SAMPLE = 5_000;
/** Error types per top agent/user are counted over its newest errors in the window. */
const TYPE_SAMPLE = 500;

type Entity = "agentId" | "userId";

/** Which agents and users concentrate errors, and which errors cascade into others. */
export async function getCorrelations(ctx: AnalyticsContext, userTotals: ActorTotals, agentTotals: ActorTotals) {
  const [agents, users, errorChains] = await Promise.all([
    entityCorrelation(ctx, "agentId", agentTotals.top),
    entityCorrelation(ctx, "userId", userTotals.top),
    chains(ctx),
  ]);
  const agentRates = await agentErrorRates(ctx, agents.map((a) => a.id));
  return {
    agentCorrelation: agents.map((a) => ({
      agentId: a.id,
      agentName: a.id,
      errorTypes: a.types.map((t) => t.type),
      errorCount: a.count,
      errorRate: agentRates.get(a.id) ?? null,
      commonCause: a.types[0] ? `${a.types[0].type} (${percentage(a.types[0].n, a.sampled)} % of its errors)` : "unknown",
    })),
    userCorrelation: users.map((u) => ({
      userId: u.id,
      errorTypes: u.types.map((t) => t.type),
      frequency: u.count,
      possibleCause: possibleCause(u),
    })),
    errorChains,
  };
}

export type Correlations = Awaited<ReturnType<typeof getCorrelations>>;

interface EntityErrors {
  id: string;
  count: number;
  /** How many of its errors the type breakdown was read from (at most TYPE_SAMPLE). */
  sampled: number;
  types: { type: string; n: number }[];
}

/**
 * Top agents/users by errors in the window, with their most frequent error types among their
 * newest TYPE_SAMPLE errors there (an agent may have millions; the index is read newest first).
 */
async function entityCorrelation(ctx: AnalyticsContext, column: Entity, top: { id: string; count: number }[]): Promise<EntityErrors[]> {
  const { scope, window } = ctx;
  if (top.length === 0) return [];
  const p = new SqlParams();
  const ids = p.add(top.map((t) => t.id));
  const filters = [...occurrenceFilters(scope, window.start, window.end, p), `o."${column}" = e.id`];
  const rows = await queryRows<{ id: string; type: string; n: number }>(
    // Counted per group first, then per type: one group lookup per (entity, group), not per error.
    `SELECT c.id, g.type, sum(c.n)::int AS n FROM (
       SELECT s.id, s."groupId", count(*) AS n
       FROM unnest(${ids}::text[]) AS e(id)
       CROSS JOIN LATERAL (
         SELECT e.id, o."groupId" FROM "ErrorOccurrence" o
         WHERE ${filters.join(" AND ")} ORDER BY o."occurredAt" DESC LIMIT ${TYPE_SAMPLE}) s
       GROUP BY 1, 2) c
     JOIN "ErrorGroup" g ON g.id = c."groupId"
     GROUP BY 1, 2`,
    p.values,
  );
  return top.map((t) => {
    const types = rows.filter((r) => r.id === t.id).sort((a, b) => b.n - a.n || compareText(a.type, b.type));
    const sampled = types.reduce((n, r) => n + r.n, 0);
    return { id: t.id, count: t.count, sampled, types: types.slice(0, TYPES_PER_ENTITY).map((r) => ({ type: r.type, n: r.n })) };
  });
}

/** Per agent: failed / all executions it reported in the window, when it reported any. */
async function agentErrorRates(ctx: AnalyticsContext, agentIds: string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const p = new SqlParams();
  const { table, time, at } = executionsSource(ctx.window, p);
  const rows = await queryRows<{ id: string; total: string; failed: string }>(
    `SELECT "agentId" AS id, sum(ok::bigint + failed + crashed) AS total, sum(failed::bigint + crashed) AS failed FROM ${table}
     WHERE "workspaceId" = ${p.add(ctx.scope.workspaceId)}::uuid AND "agentId" = ANY(${p.add(agentIds)}::text[])
       AND ${time} >= ${at(ctx.window.start)} AND ${time} < ${at(ctx.window.end)} GROUP BY 1`,
    p.values,
  );
  return new Map(rows.filter((r) => Number(r.total) > 0).map((r) => [r.id, percentage(Number(r.failed), Number(r.total))]));
}

function possibleCause(u: EntityErrors): string {
  const top = u.types[0];
  if (!top) return "unknown";
  if (top.n / u.sampled >= 0.5) return `mostly ${top.type} (${percentage(top.n, u.sampled)} %): likely tied to this user's data or account`;
  return `${u.types.length} different error types: check this user's configuration or client version`;
}

/** Chains from explicit parent links (daily cascade rollup) plus repeated in-run sequences. */
async function chains(ctx: AnalyticsContext) {
  const { scope, window } = ctx;
  const [links, runRows] = await Promise.all([
    queryRows<{ parentGroupId: string; childGroupId: string; count: string; creditsLost: string }>(
      `SELECT "parentGroupId"::text, "childGroupId"::text, sum(count) AS count, sum("creditsLost") AS "creditsLost"
       FROM "CascadeDaily" WHERE "workspaceId" = $1::uuid AND day >= $2::date AND day <= $3::date GROUP BY 1, 2`,
      [scope.workspaceId, window.start.toISOString().slice(0, 10), new Date(window.end.getTime() - 1).toISOString().slice(0, 10)],
    ),
    queryRows<{ runId: string; groupId: string; occurredAt: Date }>(
      `SELECT "runId", "groupId"::text, "occurredAt" FROM "ErrorOccurrence"
       WHERE "workspaceId" = $1::uuid AND "occurredAt" >= $2 AND "occurredAt" < $3 AND "runId" IS NOT NULL
         AND "parentOccurrenceId" IS NULL AND "parentEventId" IS NULL
       ORDER BY "occurredAt" DESC LIMIT ${RUN_SAMPLE}`,
      [scope.workspaceId, window.start, window.end],
    ),
  ]);
  const explicit: CascadeEdge[] = links.map((l) => ({ parentGroupId: l.parentGroupId, childGroupId: l.childGroupId, count: Number(l.count), creditsLost: Number(l.creditsLost) }));
  const linked = new Set(explicit.map((e) => `${e.parentGroupId}>${e.childGroupId}`));
  const edges = [...explicit, ...runSequenceEdges(runRows).filter((e) => !linked.has(`${e.parentGroupId}>${e.childGroupId}`))];
  if (edges.length === 0) return [];
  const ids = [...new Set(edges.flatMap((e) => [e.parentGroupId, e.childGroupId]))];
  const groups = await queryRows<{ id: string; type: string; category: string; status: string; regressed: boolean }>(
    `SELECT id::text, type, category, status::text, "regressedAt" IS NOT NULL AS regressed FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return buildErrorChains(edges, new Map<string, ChainGroup>(groups.map((g) => [g.id, g]))).slice(0, MAX_CHAINS);
}

import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { countsSql, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { percentage } from "@/lib/analytics/stats";
import { trendOf } from "@/lib/analytics/trend";
import type { Severity } from "@/lib/ingest/eventSchema";

const MAX_TYPES = 15;
const SAMPLES_PER_TYPE = 3;
const SAMPLE_STACK_CHARS = 4000;
const SOURCES = ["agent", "api", "database", "integration", "system"] as const;

interface TypeRow {
  type: string;
  category: string;
  severity: Severity;
  cur: string;
  prev: string;
  sampleIds: string[];
}

/** Errors by type (with trend and samples), by severity and by source, for the window. */
export async function getCategories(ctx: AnalyticsContext) {
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, ctx.window, ctx.window.prevStart, ctx.window.end, p);
  const start = p.add(ctx.window.start);
  const perGroup = `per_group AS (
      SELECT "groupId", coalesce(sum(count) FILTER (WHERE bucket >= ${start}), 0)::int AS cur,
        coalesce(sum(count) FILTER (WHERE bucket < ${start}), 0)::int AS prev
      FROM ev GROUP BY 1)`;
  const [types, severities, sources] = await Promise.all([
    queryRows<TypeRow>(
      `WITH ev AS (${ev}), ${perGroup}
       SELECT g.type, mode() WITHIN GROUP (ORDER BY g.category) AS category, max(g.severity)::text AS severity,
         sum(pg.cur) AS cur, sum(pg.prev) AS prev,
         (array_agg(g.id::text ORDER BY pg.cur DESC))[1:${SAMPLES_PER_TYPE}] AS "sampleIds"
       FROM per_group pg JOIN "ErrorGroup" g ON g.id = pg."groupId"
       GROUP BY g.type HAVING sum(pg.cur) > 0
       ORDER BY sum(pg.cur) DESC, g.type LIMIT ${MAX_TYPES}`,
      p.values,
    ),
    queryRows<{ severity: Severity; n: string }>(
      `WITH ev AS (${ev}) SELECT severity::text, sum(count) AS n FROM ev WHERE bucket >= ${start} GROUP BY 1`,
      p.values,
    ),
    queryRows<{ source: string; n: string }>(
      `WITH ev AS (${ev}), ${perGroup}
       SELECT g.source, sum(pg.cur) AS n FROM per_group pg JOIN "ErrorGroup" g ON g.id = pg."groupId" GROUP BY 1`,
      p.values,
    ),
  ]);
  const total = severities.reduce((sum, s) => sum + Number(s.n), 0);
  const samples = await loadSamples(types.flatMap((t) => t.sampleIds));

  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const s of severities) bySeverity[s.severity] = Number(s.n);
  const bySource: Record<string, number> = Object.fromEntries(SOURCES.map((s) => [s, 0]));
  for (const s of sources) if (Number(s.n) > 0) bySource[s.source] = (bySource[s.source] ?? 0) + Number(s.n);

  return {
    byType: types.map((t) => ({
      type: t.type,
      category: t.category,
      count: Number(t.cur),
      percentage: percentage(Number(t.cur), total),
      trend: trendOf(Number(t.cur), Number(t.prev)),
      previousCount: Number(t.prev),
      severity: t.severity,
      samples: t.sampleIds.map((id) => samples.get(id)).filter((s) => s !== undefined),
    })),
    bySeverity,
    bySource,
  };
}

export type Categories = Awaited<ReturnType<typeof getCategories>>;

async function loadSamples(ids: string[]) {
  if (ids.length === 0) return new Map<string, { errorId: string; message: string; stackTrace: string; occurredAt: string }>();
  const rows = await queryRows<{ id: string; message: string; stackTrace: string | null; lastSeen: Date }>(
    `SELECT id::text, message, left("stackTrace", ${SAMPLE_STACK_CHARS}) AS "stackTrace", "lastSeen" FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.id, { errorId: r.id, message: r.message, stackTrace: r.stackTrace ?? "", occurredAt: r.lastSeen.toISOString() }]),
  );
}

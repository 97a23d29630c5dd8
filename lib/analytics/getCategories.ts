import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { severityRank, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { queryRows } from "@/lib/analytics/queryRows";
import { compareText, percentage, topN } from "@/lib/analytics/stats";
import { trendOf } from "@/lib/analytics/trend";
import type { Severity } from "@/lib/domain/severity";

const MAX_TYPES = 15;
const SAMPLES_PER_TYPE = 3;
const SAMPLE_STACK_CHARS = 4000;
const SOURCES = ["agent", "api", "database", "integration", "system"] as const;

interface TypeTotals {
  type: string;
  count: number;
  prev: number;
  severity: Severity;
  categories: Map<string, number>;
  groups: WindowGroup[];
}

/** Errors by type (with trend and samples), by severity and by source, for the window. */
export async function getCategories(_ctx: AnalyticsContext, groups: WindowGroup[]) {
  const byTypeMap = new Map<string, TypeTotals>();
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  const bySource: Record<string, number> = Object.fromEntries(SOURCES.map((s) => [s, 0]));
  let total = 0;
  for (const g of groups) {
    const t: TypeTotals = byTypeMap.get(g.type) ?? { type: g.type, count: 0, prev: 0, severity: g.severity, categories: new Map(), groups: [] };
    t.count += g.cur;
    t.prev += g.prev;
    if (severityRank(g.severity) > severityRank(t.severity)) t.severity = g.severity;
    t.categories.set(g.category, (t.categories.get(g.category) ?? 0) + Math.max(1, g.cur));
    if (g.cur > 0) t.groups.push(g);
    byTypeMap.set(g.type, t);
    if (g.cur === 0) continue;
    total += g.cur;
    bySeverity[g.severity] += g.cur;
    bySource[g.source] = (bySource[g.source] ?? 0) + g.cur;
  }
  const active = [...byTypeMap.values()].filter((t) => t.count > 0);
  const types = active.sort((a, b) => b.count - a.count || compareText(a.type, b.type)).slice(0, MAX_TYPES);
  const sampleIds = types.map((t) => topN(t.groups, SAMPLES_PER_TYPE, (a, b) => b.cur - a.cur || compareText(a.id, b.id)).map((g) => g.id));
  const samples = await loadSamples(sampleIds.flat());

  return {
    byType: types.map((t, i) => ({
      type: t.type,
      category: [...t.categories.entries()].sort((a, b) => b[1] - a[1])[0][0],
      count: t.count,
      percentage: percentage(t.count, total),
      trend: trendOf(t.count, t.prev),
      previousCount: t.prev,
      severity: t.severity,
      samples: sampleIds[i].map((id) => samples.get(id)).filter((s) => s !== undefined),
    })),
    /** Types with events in the window (byType lists the first MAX_TYPES of them) and their events: what an "other types" line adds up. */
    typeCount: active.length,
    total,
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


import { SqlParams, type Scope } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";

/** Mean and median of one duration over a set of issues, in seconds (null when there are none). */
export interface DurationStats {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
}

export interface ResolutionBreakdown {
  key: string;
  label: string;
  acknowledge: DurationStats;
  resolve: DurationStats;
}

export interface ResolutionMetrics {
  overall: { acknowledge: DurationStats; resolve: DurationStats };
  byCategory: ResolutionBreakdown[];
  bySeverity: ResolutionBreakdown[];
  byTeam: ResolutionBreakdown[];
}

interface Row {
  dim: "all" | "category" | "severity" | "team";
  key: string | null;
  label: string | null;
  ack_n: number;
  ack_mean: number | null;
  ack_median: number | null;
  res_n: number;
  res_mean: number | null;
  res_median: number | null;
}

const NO_TEAM = "none";

/**
 * Time to acknowledge and time to resolve (docs/metrics.md): per issue acknowledged (first moved out
 * of `new`) or resolved inside the window, measured from the start of its episode — the regression
 * that reopened it when that came before, else its first event. Mean and median overall and by
 * category, severity and owning team, in one pass over the issues with a timestamp in the window
 * (two index ranges on (workspaceId, acknowledgedAt) and (workspaceId, resolvedAt)).
 */
export async function getResolutionMetrics(scope: Scope, window: { start: Date; end: Date }): Promise<ResolutionMetrics> {
  const p = new SqlParams();
  const ws = p.add(scope.workspaceId);
  const from = p.add(window.start);
  const to = p.add(window.end);
  const filters = [`g."workspaceId" = ${ws}::uuid`];
  if (scope.projectId) filters.push(`g."projectId" = ${p.add(scope.projectId)}::uuid`);
  if (scope.severity) filters.push(`g.severity = ${p.add(scope.severity)}::"Severity"`);
  const inWindow = (col: string) => `(g."${col}" >= ${from} AND g."${col}" < ${to})`;
  const since = (col: string) =>
    `greatest(0, extract(epoch FROM g."${col}" - CASE WHEN g."regressedAt" IS NOT NULL AND g."regressedAt" <= g."${col}" THEN g."regressedAt" ELSE g."firstSeen" END))`;
  const rows = await queryRows<Row>(
    `WITH d AS (
       SELECT g.category, g.severity::text AS severity, coalesce(g."assigneeTeamId"::text, '${NO_TEAM}') AS team, t.name AS "teamName",
         CASE WHEN ${inWindow("acknowledgedAt")} THEN ${since("acknowledgedAt")} END AS tta,
         CASE WHEN ${inWindow("resolvedAt")} THEN ${since("resolvedAt")} END AS ttr
       FROM "ErrorGroup" g LEFT JOIN "Team" t ON t.id = g."assigneeTeamId"
       WHERE ${filters.join(" AND ")} AND (${inWindow("acknowledgedAt")} OR ${inWindow("resolvedAt")})
     )
     SELECT CASE WHEN grouping(category) = 0 THEN 'category' WHEN grouping(severity) = 0 THEN 'severity'
                 WHEN grouping(team) = 0 THEN 'team' ELSE 'all' END AS dim,
       coalesce(category, severity, team) AS key, max("teamName") AS label,
       count(tta)::int AS ack_n, avg(tta)::float8 AS ack_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY tta)::float8 AS ack_median,
       count(ttr)::int AS res_n, avg(ttr)::float8 AS res_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY ttr)::float8 AS res_median
     FROM d
     GROUP BY GROUPING SETS ((), (category), (severity), (team))`,
    p.values,
  );
  return shapeMetrics(rows);
}

const SEVERITY_ORDER = ["critical", "high", "medium", "low"];

function stats(n: number, mean: number | null, median: number | null): DurationStats {
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return { count: n, meanSeconds: n ? round(mean) : null, medianSeconds: n ? round(median) : null };
}

export function shapeMetrics(rows: Row[]): ResolutionMetrics {
  const toBreakdown = (r: Row): ResolutionBreakdown => ({
    key: r.key ?? "",
    label: r.dim === "team" ? (r.key === NO_TEAM ? "No team" : r.label ?? "(deleted team)") : r.key ?? "",
    acknowledge: stats(r.ack_n, r.ack_mean, r.ack_median),
    resolve: stats(r.res_n, r.res_mean, r.res_median),
  });
  const of = (dim: Row["dim"]) => rows.filter((r) => r.dim === dim).map(toBreakdown);
  const busiest = (a: ResolutionBreakdown, b: ResolutionBreakdown) => b.resolve.count + b.acknowledge.count - (a.resolve.count + a.acknowledge.count) || a.label.localeCompare(b.label);
  const all = rows.find((r) => r.dim === "all");
  return {
    overall: {
      acknowledge: stats(all?.ack_n ?? 0, all?.ack_mean ?? null, all?.ack_median ?? null),
      resolve: stats(all?.res_n ?? 0, all?.res_mean ?? null, all?.res_median ?? null),
    },
    byCategory: of("category").sort(busiest),
    bySeverity: of("severity").sort((a, b) => SEVERITY_ORDER.indexOf(a.key) - SEVERITY_ORDER.indexOf(b.key)),
    byTeam: of("team").sort(busiest),
  };
}

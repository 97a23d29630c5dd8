import type { WindowCheck } from "@/lib/alerts/evaluate/planIngestEvaluation";
import { dedupKeyOf } from "@/lib/alerts/evaluate/trigger";
import { alertPool } from "@/lib/db/pool";

export interface WindowCount {
  check: WindowCheck;
  /** Matching events in the window, counted up to the threshold (enough to decide). */
  count: number;
}

/**
 * For the ingest fast path: counts, per (rule, group) that has no open alert yet, the events of the
 * rule's severity in its window, stopping at the threshold (LIMIT), so the cost is bounded however
 * hot the error is, and errors with fewer events in all than the threshold are skipped outright.
 * Only events after the error's last resolution and after this rule's last resolved alert on it
 * count: resolving starts a fresh window.
 */
export async function countWindowChecks(checks: WindowCheck[], now: Date): Promise<WindowCount[]> {
  if (checks.length === 0) return [];
  const rows = checks.map((c, i) => ({
    i,
    ruleId: c.rule.id,
    groupId: c.group.groupId,
    dedupKey: dedupKeyOf(c.rule.id, c.group.groupId),
    severity: c.rule.eventSeverity,
    threshold: Math.ceil(c.rule.threshold),
    windowSeconds: c.rule.windowSeconds,
  }));
  const { rows: counts } = await alertPool().query<{ i: number; n: number }>({
    name: "faultline-count-window-checks",
    text: `SELECT x.i, c.n
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, "ruleId" uuid, "groupId" uuid, "dedupKey" text, severity text, threshold int, "windowSeconds" int)
     -- An error with fewer events in all than the threshold cannot have crossed it: skip the count.
     JOIN "ErrorGroup" g ON g.id = x."groupId" AND g.status NOT IN ('ignored', 'resolved') AND g."occurrenceCount" >= x.threshold
     CROSS JOIN LATERAL (
       SELECT greatest(
         $2::timestamptz - make_interval(secs => x."windowSeconds"),
         coalesce(g."resolvedAt", '-infinity'),
         coalesce((SELECT max(a."resolvedAt") FROM "Alert" a WHERE a."errorGroupId" = g.id AND a."ruleId" = x."ruleId"), '-infinity')
       ) AS since
     ) s
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS n FROM (
         SELECT 1 FROM "ErrorOccurrence" o
         WHERE o."groupId" = x."groupId" AND (x.severity IS NULL OR o.severity = x.severity::"Severity")
           AND o."occurredAt" > s.since AND o."occurredAt" <= $2::timestamptz
         LIMIT x.threshold
       ) bounded
     ) c
     WHERE NOT EXISTS (SELECT 1 FROM "Alert" a WHERE a."dedupKey" = x."dedupKey")`,
    values: [JSON.stringify(rows), now.toISOString()],
  });
  return counts.map((r) => ({ check: checks[r.i], count: r.n }));
}

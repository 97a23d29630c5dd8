import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { activeInWindow, loadGroupBriefs, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { priorityScore } from "@/lib/analytics/priority";
import { compareText, topN } from "@/lib/analytics/stats";
import { OPEN_ERROR_STATUSES } from "@/lib/domain/errorStatus";

const TOP = 10;
const OPEN = new Set<string>(OPEN_ERROR_STATUSES);

/**
 * Top errors in the window by occurrences, by impact and open ones by priority. Impact ranks the
 * window's groups by their all-time users, then all-time credits lost (the card says "all time"): a
 * group's users per window would need a per-group user rollup, which there is not.
 */
export async function getTopErrors(ctx: AnalyticsContext, groups: WindowGroup[]) {
  const active = activeInWindow(groups);
  const nowMs = ctx.now.getTime();
  const ageHours = (g: WindowGroup) => Math.max(0, (nowMs - g.firstSeenMs) / 3_600_000);
  const byOccurrence = topN(active, TOP, (a, b) => b.cur - a.cur || compareText(a.id, b.id));
  const byImpact = topN(active, TOP, (a, b) => b.usersAffected - a.usersAffected || b.creditsLost - a.creditsLost || b.cur - a.cur);
  const prioritised = active
    .filter((g) => OPEN.has(g.status))
    .map((g) => ({ g, priority: priorityScore({ severity: g.severity, count: g.cur, users: g.usersAffected, ageHours: ageHours(g) }) }));
  const unresolved = topN(prioritised, TOP, (a, b) => b.priority - a.priority);
  const briefs = await loadGroupBriefs([...byOccurrence, ...byImpact, ...unresolved.map((u) => u.g)].map((g) => g.id));
  const brief = (g: WindowGroup) => ({ errorId: g.id, type: g.type, message: briefs.get(g.id)?.message ?? "", severity: g.severity });
  return {
    byOccurrence: byOccurrence.map((g) => ({ ...brief(g), count: g.cur, lastSeen: new Date(g.lastSeenMs).toISOString() })),
    byImpact: byImpact.map((g) => ({ ...brief(g), usersAffected: g.usersAffected, creditsLost: g.creditsLost })),
    unresolved: unresolved.map(({ g, priority }) => ({ ...brief(g), status: g.status, age: Math.round(ageHours(g) * 10) / 10, priority })),
  };
}

export type TopErrors = Awaited<ReturnType<typeof getTopErrors>>;

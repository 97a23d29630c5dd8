import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { activeInWindow, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { priorityScore } from "@/lib/analytics/priority";
import { compareText } from "@/lib/analytics/stats";

const TOP = 10;
const OPEN = new Set(["new", "acknowledged", "investigating"]);

/** Top errors in the window by occurrences, by impact (users, then credits) and open ones by priority. */
export function getTopErrors(ctx: AnalyticsContext, groups: WindowGroup[]) {
  const active = activeInWindow(groups);
  const nowMs = ctx.now.getTime();
  const brief = (g: WindowGroup) => ({ errorId: g.id, type: g.type, message: g.message, severity: g.severity });
  return {
    byOccurrence: [...active]
      .sort((a, b) => b.cur - a.cur || compareText(a.id, b.id))
      .slice(0, TOP)
      .map((g) => ({ ...brief(g), count: g.cur, lastSeen: new Date(g.lastSeenMs).toISOString() })),
    byImpact: [...active]
      .sort((a, b) => b.usersAffected - a.usersAffected || b.creditsLost - a.creditsLost || b.cur - a.cur)
      .slice(0, TOP)
      .map((g) => ({ ...brief(g), usersAffected: g.usersAffected, creditsLost: g.creditsLost })),
    unresolved: active
      .filter((g) => OPEN.has(g.status))
      .map((g) => {
        const age = Math.max(0, (nowMs - g.firstSeenMs) / 3_600_000);
        return {
          ...brief(g),
          status: g.status,
          age: Math.round(age * 10) / 10,
          priority: priorityScore({ severity: g.severity, count: g.cur, users: g.usersAffected, ageHours: age }),
        };
      })
      .sort((a, b) => b.priority - a.priority)
      .slice(0, TOP),
  };
}

export type TopErrors = ReturnType<typeof getTopErrors>;

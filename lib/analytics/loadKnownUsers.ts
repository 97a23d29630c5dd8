import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { loadActorTotals } from "@/lib/analytics/loadActorTotals";
import { timeWindow } from "@/lib/analytics/timeWindow";
import { ViewCache } from "@/lib/analytics/viewCache";
import { lastWriteTo } from "@/lib/analytics/viewFreshness";
import { writeClock } from "@/lib/db/localWrites";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { faultlineKnownUsers?: ViewCache };

/** Shared by every view of a workspace (each timeframe and filter needs the same number). */
function knownUsersCache(): ViewCache {
  holder.faultlineKnownUsers ??= new ViewCache({ ttlMs: env().VIEW_CACHE_TTL_MS, maxEntries: 500, maxChars: 100_000, writeClock, lastWriteTo });
  return holder.faultlineKnownUsers;
}

/**
 * The population behind userImpact: distinct users seen in any event of the workspace (or of the
 * filtered project) in the last 30 UTC days, today included — the users of the unfiltered 30d window.
 */
export async function loadKnownUsers(ctx: AnalyticsContext, fresh = false): Promise<number> {
  const window = timeWindow("30d", ctx.now);
  const known: AnalyticsContext = { scope: { workspaceId: ctx.scope.workspaceId, projectId: ctx.scope.projectId }, window, now: ctx.now };
  const key = JSON.stringify([known.scope.workspaceId, known.scope.projectId ?? null, window.end.getTime()]);
  const { body } = await knownUsersCache().get(key, known.scope.workspaceId, async () => String((await loadActorTotals(known, "user", 0)).distinct), fresh);
  return Number(body);
}

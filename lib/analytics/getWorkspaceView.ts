import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace, roleIn } from "@/lib/auth/permissions";
import { assertProjectFilter } from "@/lib/projects/assertWorkspaceProjects";
import { lastWriteTo } from "@/lib/analytics/viewFreshness";
import { writeClock } from "@/lib/db/localWrites";
import { getWorkspaceErrorTracking } from "@/lib/analytics/getWorkspaceErrorTracking";
import { timeWindow } from "@/lib/analytics/timeWindow";
import type { TrackingQuery } from "@/lib/analytics/trackingQuery";
import { ViewCache, type CachedView } from "@/lib/analytics/viewCache";
import { env } from "@/lib/env";

/** A few dozen views (workspaces × timeframes × filters) of typically 20–150 kB each. */
const MAX_ENTRIES = 200;
const MAX_CHARS = 48_000_000;

const holder = globalThis as unknown as { faultlineViewCache?: ViewCache };

function viewCache(): ViewCache {
  holder.faultlineViewCache ??= new ViewCache({
    ttlMs: env().VIEW_CACHE_TTL_MS,
    maxEntries: MAX_ENTRIES,
    maxChars: MAX_CHARS,
    writeClock,
    lastWriteTo,
  });
  return holder.faultlineViewCache;
}

/**
 * The workspace error-tracking view (with resolution metrics) for a caller, serialised. Viewers of the same view share one
 * computation: see ViewCache for when a stored result is served, and docs/metrics.md for the
 * staleness a viewer can see. `fresh` (a request's `Cache-Control: no-cache`) computes anew.
 */
export async function getWorkspaceView(auth: AuthContext, workspaceId: string, query: TrackingQuery, fresh = false): Promise<CachedView> {
  assertCanViewWorkspace(auth, workspaceId);
  await assertProjectFilter(workspaceId, query.projectId);
  const now = new Date();
  const key = viewKey(auth, workspaceId, query, now);
  return viewCache().get(key, workspaceId, async () => JSON.stringify(await getWorkspaceErrorTracking(workspaceId, query, now, fresh)), fresh);
}

/**
 * Everything the result depends on: the workspace, what the caller may see of it (every role sees
 * the whole workspace today; the role is in the key anyway, so a role-dependent view can never be
 * served across roles), the normalised query and the window it resolves to now (so a result never
 * outlives the bucket it was computed in).
 */
export function viewKey(auth: AuthContext, workspaceId: string, query: TrackingQuery, now: Date): string {
  const window = timeWindow(query.timeframe, now);
  return JSON.stringify([
    workspaceId.toLowerCase(),
    auth.kind === "user" ? roleIn(auth, workspaceId) : "ingestKey",
    query.timeframe,
    query.severity,
    query.environment ?? null,
    query.projectId?.toLowerCase() ?? null,
    query.page,
    query.pageSize,
    window.end.getTime(),
  ]);
}

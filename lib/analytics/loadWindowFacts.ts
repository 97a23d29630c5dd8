import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import type { SeenValue } from "@/lib/analytics/patternCorrelation";
import { queryRows } from "@/lib/analytics/queryRows";

/** At most this many of a group's user rows are read to tell whether the window had a single user. */
export const USER_SCAN = 1000;

/** What the window saw of a group beyond its counts (see loadWindowFacts). */
export interface WindowFacts {
  /** Exactly one user had an event of the group in the window (false when not known: see USER_SCAN). */
  singleUser: boolean;
  release: SeenValue | null;
  environment: SeenValue | null;
}

/**
 * For the few groups a timeline's patterns show: the users, releases and environments of their events
 * inside the window, from the per-issue tag rollup (ErrorGroupTag: per group and value, first and last
 * seen). The window ends after every stored event (lib/analytics/timeWindow.ts), so a value had an
 * event in the window exactly when its last seen is at or after the window's start. A group's user
 * rows are read up to USER_SCAN of them, in key order: a group with more users and fewer than two in
 * the window is not known to have a single one (and is not said to). Releases and environments are
 * few per group and read whole. The rollup is not per environment: in a view filtered by one, the
 * environment is the filter's and a release may be another environment's.
 */
export async function loadWindowFacts(ctx: AnalyticsContext, ids: string[]): Promise<Map<string, WindowFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; scanned: number; users: number; seen: Record<string, SeenValue> | null }>(
    `SELECT g.id::text AS id, u.scanned, u.users, s.seen
     FROM unnest($1::uuid[]) AS g(id)
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS scanned, (count(*) FILTER (WHERE t."lastSeen" >= $2 AND t."firstSeen" < $3))::int AS users
       FROM (SELECT "firstSeen", "lastSeen" FROM "ErrorGroupTag" WHERE "groupId" = g.id AND key = 'user' LIMIT ${USER_SCAN + 1}) t
     ) u
     CROSS JOIN LATERAL (
       SELECT json_object_agg(key, json_build_object('value', latest, 'of', n)) AS seen FROM (
         SELECT key, count(*)::int AS n, (array_agg(value ORDER BY "lastSeen" DESC, value))[1] AS latest
         FROM "ErrorGroupTag" WHERE "groupId" = g.id AND key IN ('release', 'environment') AND "lastSeen" >= $2 AND "firstSeen" < $3
         GROUP BY key
       ) k
     ) s`,
    [[...new Set(ids)], ctx.window.start, ctx.window.end],
  );
  const environment = ctx.scope.environment;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        singleUser: r.users === 1 && r.scanned <= USER_SCAN,
        release: r.seen?.release ?? null,
        environment: environment ? { value: environment, of: 1 } : (r.seen?.environment ?? null),
      },
    ]),
  );
}

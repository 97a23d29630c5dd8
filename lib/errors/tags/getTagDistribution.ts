import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { queryRows } from "@/lib/analytics/queryRows";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { DERIVED_TAG_KEYS } from "@/lib/ingest/eventTags";
import { seesPeople } from "@/lib/auth/seesPeople";
import { isEndUserTag } from "@/lib/errors/events/withoutEndUsers";

export const TagDistributionQuerySchema = z.object({
  /** Top values per key. */
  limit: z.coerce.number().int().min(1).max(50).default(5),
  /** Only this key (e.g. to show more of its values). */
  key: z.string().trim().min(1).max(200).optional(),
});
export type TagDistributionQuery = z.infer<typeof TagDistributionQuerySchema>;

const MAX_KEYS = 40;
const KEY_ORDER = new Map<string, number>(["browser", "os", "release", "environment", "user", "device", "runtime"].map((k, i) => [k, i]));
// The *.name keys duplicate browser / os / runtime without versions: listed only when asked for.
const HIDDEN_BY_DEFAULT = new Set<string>(DERIVED_TAG_KEYS.filter((k) => k.endsWith(".name")));

interface Row {
  key: string;
  distinct: number;
  total: string;
  value: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

/**
 * Top values with counts and shares per tag key of one issue (browser, OS, release, environment,
 * user, then the events' own tags), read from the per-issue tag rollup. `share` is the percentage
 * of the issue's events with that value; events without the tag make up the rest. An ingest key
 * gets no `user`, `user.*` or `url` tag.
 */
export async function getTagDistribution(auth: AuthContext, errorId: string, query: TagDistributionQuery) {
  const group = await findVisibleError(auth, errorId);
  const rows = await queryRows<Row>(
    `WITH keys AS (
       SELECT key, count(*)::int AS "distinct", sum(count)::bigint AS total FROM "ErrorGroupTag"
       WHERE "groupId" = $1 AND ($3::text IS NULL OR key = $3) GROUP BY key
     )
     SELECT k.key, k."distinct", k.total, top.value, top.count, top."firstSeen", top."lastSeen"
     FROM keys k CROSS JOIN LATERAL (
       SELECT value, count, "firstSeen", "lastSeen" FROM "ErrorGroupTag"
       WHERE "groupId" = $1 AND key = k.key ORDER BY count DESC, value LIMIT $2
     ) top`,
    [group.id, query.limit, query.key ?? null],
  );
  const events = group.occurrenceCount;
  const endUsers = seesPeople(auth);
  const byKey = new Map<string, { key: string; distinctValues: number; events: number; topValues: { value: string; count: number; share: number; firstSeen: string; lastSeen: string }[] }>();
  for (const row of rows) {
    if (!query.key && HIDDEN_BY_DEFAULT.has(row.key)) continue;
    // An ingest key (the DSN's public key) reads errors, not the end users they happened to, nor their addresses.
    if (!endUsers && isEndUserTag(row.key)) continue;
    const entry = byKey.get(row.key) ?? { key: row.key, distinctValues: row.distinct, events: Number(row.total), topValues: [] };
    entry.topValues.push({
      value: row.value,
      count: row.count,
      share: events > 0 ? Math.round((row.count / events) * 10_000) / 100 : 0,
      firstSeen: row.firstSeen.toISOString(),
      lastSeen: row.lastSeen.toISOString(),
    });
    byKey.set(row.key, entry);
  }
  const tags = [...byKey.values()]
    .sort((a, b) => (KEY_ORDER.get(a.key) ?? 99) - (KEY_ORDER.get(b.key) ?? 99) || b.events - a.events || a.key.localeCompare(b.key))
    .slice(0, MAX_KEYS);
  return { errorId: group.id, events, tags };
}

export type TagDistribution = Awaited<ReturnType<typeof getTagDistribution>>;

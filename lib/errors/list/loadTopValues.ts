import { queryRows } from "@/lib/analytics/queryRows";

/** The `limit` most frequent values of one tag key per issue (e.g. its main environments), from the tag rollup. */
export async function loadTopValues(groupIds: string[], key: string, limit: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groupIds.length === 0) return out;
  const rows = await queryRows<{ groupId: string; value: string }>(
    `SELECT g.id AS "groupId", t.value
     FROM unnest($1::uuid[]) AS g(id)
     CROSS JOIN LATERAL (
       SELECT value FROM "ErrorGroupTag" WHERE "groupId" = g.id AND key = $2 ORDER BY count DESC, value LIMIT $3
     ) t`,
    [groupIds, key, limit],
  );
  for (const row of rows) out.set(row.groupId, [...(out.get(row.groupId) ?? []), row.value]);
  return out;
}

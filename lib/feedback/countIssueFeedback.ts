import { pool } from "@/lib/db/pool";

/** How many pieces of user feedback are about an issue's events (linked as in listIssueFeedback). */
export async function countIssueFeedback(group: { id: string; projectId: string }): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "UserFeedback" f
     JOIN "ErrorEventId" e ON e."projectId" = f."projectId" AND e."eventId" = f."eventId"
     WHERE f."projectId" = $1 AND e."groupId" = $2`,
    [group.projectId, group.id],
  );
  return rows[0]?.n ?? 0;
}

import { pool } from "@/lib/db/pool";
import { ISSUE_FEEDBACK_FROM } from "@/lib/feedback/feedbackDto";

/** How many pieces of user feedback are about an issue's events (the same link as listIssueFeedback). */
export async function countIssueFeedback(group: { id: string; projectId: string }): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ISSUE_FEEDBACK_FROM}`, [group.projectId, group.id]);
  return rows[0]?.n ?? 0;
}

import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { pool } from "@/lib/db/pool";

/**
 * Open alerts of errors that were resolved or ignored without going through updateError's hook
 * (a crash in between, another code path): resolve them, as resolving the error would have.
 */
export async function resolveOrphanedAlerts(input: { now: Date; workspaceIds?: string[] }): Promise<{ deliveryIds: string[] }> {
  const { rows } = await pool().query<{ id: string; status: "resolved" | "ignored" }>(
    `SELECT a.id, g.status::text AS status FROM "Alert" a JOIN "ErrorGroup" g ON g.id = a."errorGroupId"
     WHERE a.status <> 'resolved' AND g.status IN ('resolved', 'ignored')
       AND ($1::uuid[] IS NULL OR a."workspaceId" = ANY($1::uuid[]))
     LIMIT 500`,
    [input.workspaceIds ?? null],
  );
  const deliveryIds: string[] = [];
  for (const status of ["resolved", "ignored"] as const) {
    const ids = rows.filter((r) => r.status === status).map((r) => r.id);
    const result = await transitionAlerts({ ids, to: "resolved", actorId: null, resolution: `error ${status}`, now: input.now });
    deliveryIds.push(...result.deliveryIds);
  }
  return { deliveryIds };
}

import { pool } from "@/lib/db/pool";

export interface LevelUpdate {
  alertId: string;
  value: number;
  conditionActive: boolean;
  /** A new threshold crossing on the open alert. */
  recross: boolean;
}

/** Updates open alerts' measured value and condition state; counts new crossings. One statement. */
export async function applyLevelUpdates(updates: LevelUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  await pool().query(
    `UPDATE "Alert" a SET
       value = u.value::float8,
       "conditionActive" = u."conditionActive",
       count = a.count + CASE WHEN u.recross AND NOT a."conditionActive" THEN 1 ELSE 0 END,
       "lastTriggeredAt" = CASE WHEN u.recross AND NOT a."conditionActive" THEN $2::timestamptz ELSE a."lastTriggeredAt" END,
       "updatedAt" = now()
     FROM jsonb_to_recordset($1::jsonb) AS u("alertId" uuid, value text, "conditionActive" boolean, recross boolean)
     WHERE a.id = u."alertId" AND a.status <> 'resolved'`,
    [JSON.stringify(updates.map((u) => ({ ...u, value: String(u.value) }))), now.toISOString()],
  );
}

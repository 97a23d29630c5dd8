import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";
import type { DiscardedEvents } from "@/lib/sentry/mapClientReport";

/** Keeps SDK client reports (events dropped before sending) per project, day, reason and category; on `db` when given. */
export async function recordClientDiscards(projectId: string, discards: DiscardedEvents[], now = new Date(), db: pg.Pool | pg.PoolClient = pool()): Promise<void> {
  if (discards.length === 0) return;
  await db.query(
    `INSERT INTO "ClientDiscard" ("projectId", day, reason, category, quantity)
     SELECT $1::uuid, $2::date, x.reason, x.category, ${saturatingSumSql("x.quantity")}
     FROM jsonb_to_recordset($3::jsonb) AS x(reason text, category text, quantity int)
     GROUP BY 3, 4 ORDER BY 3, 4
     ON CONFLICT ("projectId", day, reason, category) DO UPDATE SET quantity = ${saturatingAddSql(`"ClientDiscard".quantity`, "excluded.quantity")}`,
    [projectId, now.toISOString().slice(0, 10), JSON.stringify(discards.map((d) => ({ reason: d.reason.slice(0, 64), category: d.category.slice(0, 64), quantity: d.quantity })))],
  );
}

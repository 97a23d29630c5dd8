import { utcDay } from "@/lib/db/partitions/partitionDays";
import { pool } from "@/lib/db/pool";
import type { InboundFilterReason } from "@/lib/ingest/filters/inboundFilterSchema";
import { countBuffer } from "@/lib/ingestHealth/countBuffer";

const filtered = countBuffer<{ projectId: string; day: string; reason: InboundFilterReason }>("filtered-event", async (counts) => {
  await pool().query(
    `INSERT INTO "FilteredDaily" ("projectId", day, reason, count)
     SELECT "projectId", day, reason, n FROM jsonb_to_recordset($1::jsonb) AS x("projectId" uuid, day date, reason text, n int)
     -- A project being deleted (or gone) gets no new rows.
     WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p.id = x."projectId" AND p."deletingAt" IS NULL)
     ORDER BY 1, 2, 3
     ON CONFLICT ("projectId", day, reason) DO UPDATE SET count = "FilteredDaily".count + excluded.count`,
    [JSON.stringify(counts.map((c) => ({ ...c.row, n: c.n })))],
  );
});

/** Counts a request's filtered events per UTC day and reason (FilteredDaily, every few seconds): which filter drops what. */
export function countFilteredReasons(projectId: string, reasons: InboundFilterReason[], now = Date.now()): void {
  const day = utcDay(new Date(now));
  for (const reason of reasons) filtered.add(`${projectId}:${day}:${reason}`, { projectId, day, reason }, 1, now);
}

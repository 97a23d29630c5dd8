import { pool } from "@/lib/db/pool";
import { emptyIngestCounts, type IngestCounts } from "@/lib/ingestHealth/ingestOutcomes";

export interface ProjectIngestCounts {
  lastFiveMinutes: IngestCounts;
  lastHour: IngestCounts;
  last24h: IngestCounts;
}

/** Per project of the workspace: outcome counts over the last 5 minutes, hour and 24 hours (by minute). */
export async function readIngestCounts(workspaceId: string, now: Date): Promise<Map<string, ProjectIngestCounts>> {
  const { rows } = await pool().query<{ projectId: string; win: "m5" | "h1" | "d1" } & Record<keyof IngestCounts, string>>(
    `SELECT "projectId", w.win,
       sum(accepted) AS accepted, sum(duplicate) AS duplicate, sum("rateLimited") AS "rateLimited",
       sum(sampled) AS sampled, sum(dropped) AS dropped, sum(filtered) AS filtered, sum("clientDiscarded") AS "clientDiscarded"
     FROM "IngestMinute" m
     JOIN (VALUES ('m5', interval '5 minutes'), ('h1', interval '1 hour'), ('d1', interval '24 hours')) AS w(win, span)
       ON m.minute > $2::timestamptz - w.span
     WHERE m."workspaceId" = $1 AND m.minute > $2::timestamptz - interval '24 hours' AND m.minute <= $2::timestamptz
     GROUP BY 1, 2`,
    [workspaceId, now.toISOString()],
  );
  const out = new Map<string, ProjectIngestCounts>();
  for (const r of rows) {
    const entry = out.get(r.projectId) ?? { lastFiveMinutes: emptyIngestCounts(), lastHour: emptyIngestCounts(), last24h: emptyIngestCounts() };
    const counts = r.win === "m5" ? entry.lastFiveMinutes : r.win === "h1" ? entry.lastHour : entry.last24h;
    for (const key of Object.keys(counts) as (keyof IngestCounts)[]) counts[key] = Number(r[key]);
    out.set(r.projectId, entry);
  }
  return out;
}

import { pool } from "@/lib/db/pool";
import { countBuffer } from "@/lib/ingestHealth/countBuffer";

const discards = countBuffer<{ projectId: string; fingerprint: string }>("discarded-event", async (counts) => {
  // Rows discarded meanwhile and then kept again are skipped.
  await pool().query(
    `UPDATE "DiscardedFingerprint" d SET events = d.events + x.n, "lastEventAt" = greatest(d."lastEventAt", x.last)
     FROM jsonb_to_recordset($1::jsonb) AS x("projectId" uuid, fingerprint text, n int, last timestamptz)
     WHERE d."projectId" = x."projectId" AND d.fingerprint = x.fingerprint`,
    [JSON.stringify(counts.map((c) => ({ ...c.row, n: c.n, last: new Date(c.last).toISOString() })))],
  );
});

/** Counts events dropped because their issue's new events are discarded, per fingerprint (DiscardedFingerprint.events, every few seconds). */
export function countDiscarded(projectId: string, fingerprints: string[], now = Date.now()): void {
  for (const fingerprint of fingerprints) discards.add(`${projectId}:${fingerprint}`, { projectId, fingerprint }, 1, now);
}

import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

const FLUSH_EVERY_MS = 5_000;
/** Buffered fingerprints kept while the database is unreachable; beyond, new ones are not counted. */
const MAX_BUFFERED = 10_000;

interface Pending {
  projectId: string;
  fingerprint: string;
  n: number;
  last: number;
}

// On globalThis: the ingest fast path and the route handlers count into one buffer per process.
const globalForDiscards = globalThis as unknown as { faultlineDiscardCounters?: { pending: Map<string, Pending>; timer?: NodeJS.Timeout } };

function state() {
  globalForDiscards.faultlineDiscardCounters ??= { pending: new Map() };
  return globalForDiscards.faultlineDiscardCounters;
}

/**
 * Counts events dropped because their issue's new events are discarded, per fingerprint: buffered
 * in memory and added to DiscardedFingerprint every few seconds, so a discarded flood writes one
 * statement per instance and interval, never a row per event. Never throws.
 */
export function countDiscarded(projectId: string, fingerprints: string[], now = Date.now()): void {
  const s = state();
  for (const fingerprint of fingerprints) {
    const key = `${projectId}:${fingerprint}`;
    const entry = s.pending.get(key);
    if (entry) {
      entry.n++;
      entry.last = now;
    } else if (s.pending.size < MAX_BUFFERED) s.pending.set(key, { projectId, fingerprint, n: 1, last: now });
  }
  if (s.pending.size > 0) s.timer ??= setTimeout(() => void flushDiscardCounters(), FLUSH_EVERY_MS).unref();
}

/** Adds the buffered counts in one statement (rows discarded meanwhile and then kept again are skipped); on failure they stay buffered. */
export async function flushDiscardCounters(): Promise<number> {
  const s = state();
  s.timer = undefined;
  if (s.pending.size === 0) return 0;
  const rows = [...s.pending.values()];
  s.pending = new Map();
  try {
    await pool().query(
      `UPDATE "DiscardedFingerprint" d SET events = d.events + x.n, "lastEventAt" = greatest(d."lastEventAt", x.last)
       FROM jsonb_to_recordset($1::jsonb) AS x("projectId" uuid, fingerprint text, n int, last timestamptz)
       WHERE d."projectId" = x."projectId" AND d.fingerprint = x.fingerprint`,
      [JSON.stringify(rows.map((r) => ({ ...r, last: new Date(r.last).toISOString() })))],
    );
    return rows.length;
  } catch (error) {
    for (const r of rows) {
      const key = `${r.projectId}:${r.fingerprint}`;
      const current = s.pending.get(key);
      if (current) {
        current.n += r.n;
        current.last = Math.max(current.last, r.last);
      } else if (s.pending.size < MAX_BUFFERED) s.pending.set(key, r);
    }
    s.timer ??= setTimeout(() => void flushDiscardCounters(), FLUSH_EVERY_MS).unref();
    logger.error("discarded-event counts not saved; retrying", { error: errorMessage(error) });
    return 0;
  }
}

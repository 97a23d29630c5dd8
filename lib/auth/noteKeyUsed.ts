import { pool } from "@/lib/db/pool";

/** How often one instance writes a key's `lastUsedAt` at most: the settings page shows it to the minute. */
export const KEY_USE_WRITE_INTERVAL_MS = 60_000;

/** Keys remembered per instance; past this the oldest noted key is forgotten (it is only written again sooner). */
const MAX_NOTED = 10_000;

const globalForKeyUse = globalThis as unknown as { faultlineKeyUse?: Map<string, number> };

/**
 * Notes that a live ingest key authenticated a request. Its `lastUsedAt` is written in the
 * background, at most once a minute per instance and key, and only when the stored time is a minute
 * old (so instances side by side do not all write it): never on the request's path and never a
 * reason to fail it — while PostgreSQL is unavailable the write fails quietly and a use after the
 * next interval tries again.
 */
export function noteKeyUsed(keyId: string, now = Date.now()): void {
  const noted = (globalForKeyUse.faultlineKeyUse ??= new Map());
  const last = noted.get(keyId);
  if (last !== undefined && now - last < KEY_USE_WRITE_INTERVAL_MS) return;
  noted.delete(keyId);
  noted.set(keyId, now);
  if (noted.size > MAX_NOTED) noted.delete(noted.keys().next().value as string);
  pool()
    .query(`UPDATE "IngestKey" SET "lastUsedAt" = now() WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`, [keyId])
    .catch(() => undefined);
}

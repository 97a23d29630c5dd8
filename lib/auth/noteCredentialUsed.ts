import { pool } from "@/lib/db/pool";

/** How often one instance writes a credential's `lastUsedAt` at most: the settings pages show it to the minute. */
export const USE_WRITE_INTERVAL_MS = 60_000;

/** Credentials remembered per instance; past this the oldest noted one is forgotten (it is only written again sooner). */
const MAX_NOTED = 10_000;

/** The tables whose rows are credentials with a `lastUsedAt` (names are never taken from input). */
export type CredentialTable = "IngestKey" | "ApiToken";

const globalForUse = globalThis as unknown as { faultlineCredentialUse?: Map<string, number> };

/**
 * Notes that a live credential (an ingest key, an API token) authenticated a request. Its
 * `lastUsedAt` is written in the background, at most once a minute per instance and credential, and
 * only when the stored time is a minute old (so instances side by side do not all write it): never
 * on the request's path and never a reason to fail it — while PostgreSQL is unavailable the write
 * fails quietly and a use after the next interval tries again.
 */
export function noteCredentialUsed(table: CredentialTable, id: string, now = Date.now()): void {
  const noted = (globalForUse.faultlineCredentialUse ??= new Map());
  const key = `${table}:${id}`;
  const last = noted.get(key);
  if (last !== undefined && now - last < USE_WRITE_INTERVAL_MS) return;
  noted.delete(key);
  noted.set(key, now);
  if (noted.size > MAX_NOTED) noted.delete(noted.keys().next().value as string);
  pool()
    .query(`UPDATE "${table}" SET "lastUsedAt" = now() WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`, [id])
    .catch(() => undefined);
}

import { createHash } from "node:crypto";

/**
 * Whether an event is in the 1-in-`keepOneIn` sample, decided by its event id alone, so a retried
 * event gets the same answer on every instance. md5 of the id's UTF-8 bytes, first 4 bytes as an
 * unsigned integer, modulo `keepOneIn`: the same as sampleSql below, so PostgreSQL (the per-issue cap at
 * ingest and its trim in the retention job) picks the same events.
 */
export function inSample(eventId: string, keepOneIn: number): boolean {
  if (keepOneIn <= 1) return true;
  return createHash("md5").update(eventId, "utf8").digest().readUInt32BE(0) % keepOneIn === 0;
}

/** `inSample` in SQL, for a column or expression `eventId` and a modulus parameter `k`. */
export function sampleSql(eventId: string, k: string): string {
  return `(('x' || lpad(left(md5(${eventId}), 8), 16, '0'))::bit(64)::bigint % ${k} = 0)`;
}

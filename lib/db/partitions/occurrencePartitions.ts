import { advisoryLockKey } from "@/lib/db/advisoryLock";
import { pool, withTransaction } from "@/lib/db/pool";
import { addDays, dayOfPartition, OCCURRENCE_TABLE, partitionName } from "@/lib/db/partitions/partitionDays";

const globalForPartitions = globalThis as unknown as { faultlinePartitionDays?: Set<string> };

/** The days that have an occurrence partition, as this instance last saw them. */
function knownDays(): Set<string> {
  globalForPartitions.faultlinePartitionDays ??= new Set();
  return globalForPartitions.faultlinePartitionDays;
}

/** Every day partition of ErrorOccurrence (detached-pending ones excluded), oldest first. */
export async function listOccurrencePartitions(): Promise<{ day: string; name: string }[]> {
  const { rows } = await pool().query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i
     JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = $1 AND p.relnamespace = current_schema()::regnamespace AND NOT i.inhdetachpending
     ORDER BY 1`,
    [OCCURRENCE_TABLE],
  );
  const out = rows.flatMap((r) => {
    const day = dayOfPartition(r.name);
    return day ? [{ day, name: r.name }] : [];
  });
  globalForPartitions.faultlinePartitionDays = new Set(out.map((p) => p.day));
  return out;
}

/**
 * Makes sure a partition exists for each day (ingest calls this before writing; the partition job
 * ahead of time). Known days cost nothing; an unknown day is checked, and created when missing.
 */
export async function ensureOccurrencePartitions(days: Iterable<string>): Promise<void> {
  const missing = [...new Set(days)].filter((d) => !knownDays().has(d));
  if (missing.length === 0) return;
  const existing = new Set((await listOccurrencePartitions()).map((p) => p.day));
  for (const day of missing.sort()) {
    if (!existing.has(day)) await createOccurrencePartition(day);
    knownDays().add(day);
  }
}

/** Forget what this instance knows (after retention dropped partitions, or an insert found none). */
export function forgetOccurrencePartitions(): void {
  knownDays().clear();
}

/**
 * Creates one day's partition without blocking ingest or dashboard reads: an empty table shaped like
 * ErrorOccurrence, then ATTACH PARTITION, which takes only a SHARE UPDATE EXCLUSIVE lock on the
 * parent (CREATE TABLE … PARTITION OF would take an ACCESS EXCLUSIVE one). The attach builds the
 * partition's indexes and foreign key on the empty table. Concurrent creators of the same day are
 * serialised by an advisory lock; the second finds it made.
 */
export async function createOccurrencePartition(day: string): Promise<boolean> {
  const name = partitionName(day);
  const from = `${day} 00:00:00+00`;
  const to = `${addDays(day, 1)} 00:00:00+00`;
  return withTransaction(async (client) => {
    await client.query("SET LOCAL lock_timeout = '10s'");
    await client.query("SELECT pg_advisory_xact_lock($1)", [advisoryLockKey(`faultline-partition:${name}`)]);
    const { rowCount } = await client.query("SELECT 1 FROM pg_class WHERE relname = $1 AND relnamespace = current_schema()::regnamespace", [name]);
    if (rowCount) return false;
    await client.query(`CREATE TABLE "${name}" (LIKE "${OCCURRENCE_TABLE}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    // Lets ATTACH skip its scan for rows outside the range (there are none: the table is new).
    await client.query(`ALTER TABLE "${name}" ADD CONSTRAINT "${name}_range" CHECK ("occurredAt" >= '${from}' AND "occurredAt" < '${to}')`);
    await client.query(`ALTER TABLE "${OCCURRENCE_TABLE}" ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`);
    await client.query(`ALTER TABLE "${name}" DROP CONSTRAINT "${name}_range"`);
    return true;
  });
}

/** PostgreSQL's answer to a row whose day has no partition (e.g. dropped since this instance looked). */
export function isMissingPartition(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23514" && /no partition of relation/.test(e.message ?? "");
}

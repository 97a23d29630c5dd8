import { pool } from "@/lib/db/pool";
import { forecastDisk, type DiskForecast } from "@/lib/storage/diskForecast";
import { readDiskSpace, type DiskSpace } from "@/lib/storage/readDiskSpace";
import { readDatabaseBytes, readTableSizes, type TableSize } from "@/lib/storage/readTableSizes";

export interface StorageStatus {
  databaseBytes: number;
  tables: TableSize[];
  disk: DiskSpace;
  forecast: DiskForecast;
}

const OCCURRENCES = "ErrorOccurrence";

/**
 * The database's size now, per table, free space, and the growth forecast: daily size samples of
 * the last 8 days, or (before a day of samples) events stored in the last 24 hours × bytes per
 * stored occurrence (the whole database divided by the occurrences it holds).
 */
export async function readStorageStatus(now: Date): Promise<StorageStatus> {
  const [databaseBytes, tables, samples, storedLastDay] = await Promise.all([readDatabaseBytes(), readTableSizes(), readSizeSamples(now), readStoredLastDay(now)]);
  const disk = await readDiskSpace(databaseBytes);
  const occurrenceRows = tables.find((t) => t.name === OCCURRENCES)?.estimatedRows ?? 0;
  const estimatedGrowthPerDay = occurrenceRows > 0 ? (databaseBytes / occurrenceRows) * storedLastDay : null;
  // Today's size counts as a sample too: growth shows up before the storage job's next run.
  const history = [...samples, { at: now, bytes: databaseBytes }];
  const forecast = forecastDisk({ samples: history, freeBytes: disk.freeBytes, estimatedGrowthPerDay });
  return { databaseBytes, tables, disk, forecast };
}

async function readSizeSamples(now: Date): Promise<{ at: Date; bytes: number }[]> {
  const { rows } = await pool().query<{ sampledAt: Date; bytes: string }>(
    `SELECT "sampledAt", bytes FROM "StorageSample" WHERE scope = 'database' AND day > $1::date - 8 ORDER BY day`,
    [now.toISOString()],
  );
  return rows.map((r) => ({ at: r.sampledAt, bytes: Number(r.bytes) }));
}

async function readStoredLastDay(now: Date): Promise<number> {
  const { rows } = await pool().query<{ stored: string }>(`SELECT coalesce(sum(accepted), 0)::bigint AS stored FROM "IngestMinute" WHERE minute > $1::timestamptz - interval '24 hours'`, [
    now.toISOString(),
  ]);
  return Number(rows[0].stored);
}

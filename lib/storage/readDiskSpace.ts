import fs from "node:fs";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { parseByteSize } from "@/lib/storage/parseByteSize";

export interface DiskSpace {
  /** budget: FAULTLINE_DISK_BUDGET; filesystem: the data directory's filesystem; unknown: neither. */
  source: "budget" | "filesystem" | "unknown";
  path: string | null;
  totalBytes: number | null;
  freeBytes: number | null;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]", ""]);

/**
 * Free space for the database: a configured budget minus the database's size, else the free space
 * of the filesystem holding PostgreSQL's data directory — FAULTLINE_DATA_DIR (set by `npm start`
 * for the embedded database) or, for a server on this machine, its data_directory setting.
 */
export async function readDiskSpace(databaseBytes: number): Promise<DiskSpace> {
  const config = env();
  const budget = config.FAULTLINE_DISK_BUDGET ? parseByteSize(config.FAULTLINE_DISK_BUDGET) : null;
  if (budget !== null) return { source: "budget", path: null, totalBytes: budget, freeBytes: Math.max(0, budget - databaseBytes) };
  const dir = config.FAULTLINE_DATA_DIR ?? (await localDataDirectory(config.DATABASE_URL));
  // A runtime location, not a build input (the ignore comments keep the bundler from tracing the
  // whole project into the standalone output because of it).
  if (dir && fs.existsSync(/*turbopackIgnore: true*/ dir)) {
    const stats = await fs.promises.statfs(/*turbopackIgnore: true*/ dir);
    return { source: "filesystem", path: dir, totalBytes: Number(stats.blocks) * Number(stats.bsize), freeBytes: Number(stats.bavail) * Number(stats.bsize) };
  }
  return { source: "unknown", path: null, totalBytes: null, freeBytes: null };
}

/** data_directory of a server on this machine (readable by superusers and pg_read_all_settings). */
async function localDataDirectory(databaseUrl: string): Promise<string | null> {
  if (!LOCAL_HOSTS.has(new URL(databaseUrl).hostname)) return null;
  try {
    const { rows } = await pool().query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
    return rows[0]?.setting || null;
  } catch {
    return null;
  }
}

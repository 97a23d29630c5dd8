import { pool } from "@/lib/db/pool";

export interface JobRunInfo {
  name: string;
  lastStartedAt: string;
  lastFinishedAt: string | null;
  lastDurationMs: number | null;
  lastStatus: "running" | "ok" | "failed";
  lastError: string | null;
  lastOkAt: string | null;
  runs: number;
  failures: number;
}

/** Every job that ever ran, with its last run (any instance). */
export async function listJobRuns(): Promise<JobRunInfo[]> {
  const { rows } = await pool().query<{
    name: string;
    lastStartedAt: Date;
    lastFinishedAt: Date | null;
    lastDurationMs: number | null;
    lastStatus: JobRunInfo["lastStatus"];
    lastError: string | null;
    lastOkAt: Date | null;
    runs: number;
    failures: number;
  }>(`SELECT name, "lastStartedAt", "lastFinishedAt", "lastDurationMs", "lastStatus", "lastError", "lastOkAt", runs, failures FROM "JobRun" ORDER BY name`);
  return rows.map((r) => ({
    ...r,
    lastStartedAt: r.lastStartedAt.toISOString(),
    lastFinishedAt: r.lastFinishedAt?.toISOString() ?? null,
    lastOkAt: r.lastOkAt?.toISOString() ?? null,
  }));
}

import { pool } from "@/lib/db/pool";
import { listJobRuns, type JobRunInfo } from "@/lib/jobRuns/listJobRuns";
import { logger } from "@/lib/logger";
import { readStorageStatus, type StorageStatus } from "@/lib/storage/readStorageStatus";
import { errorMessage } from "@/lib/text/errorMessage";

export interface Snapshot {
  storage: StorageStatus;
  jobs: JobRunInfo[];
  projects: { workspaceId: string; projectId: string; bytes: number }[];
}

let pending: { at: number; promise: Promise<Snapshot | null> } | undefined;

/**
 * One read of the database per scrape, shared by the storage and job gauges (prom-client collects
 * each gauge separately, possibly at once). Read from the database, so the same on every instance:
 * aggregate them with max, not sum.
 */
export function storageSnapshot(): Promise<Snapshot | null> {
  if (pending && Date.now() - pending.at < 2_000) return pending.promise;
  const promise = (async () => {
    try {
      const now = new Date();
      const [storage, jobs, projects] = await Promise.all([readStorageStatus(now), listJobRuns(), readProjectBytes()]);
      return { storage, jobs, projects };
    } catch (error) {
      logger.error("storage metrics not read", { error: errorMessage(error) });
      return null;
    }
  })();
  pending = { at: Date.now(), promise };
  return promise;
}


async function readProjectBytes(): Promise<Snapshot["projects"]> {
  const { rows } = await pool().query<{ workspaceId: string; projectId: string; bytes: string }>(
    `SELECT p."workspaceId", p.id AS "projectId", s.bytes FROM "StorageSample" s JOIN "Project" p ON p.id::text = s.name
     WHERE s.scope = 'project' AND s.day = (SELECT max(day) FROM "StorageSample" WHERE scope = 'database')`,
  );
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace, isInstanceOperator } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";
import { emptyIngestCounts, INGEST_OUTCOMES } from "@/lib/ingestHealth/ingestOutcomes";
import { readIngestCounts } from "@/lib/ingestHealth/readIngestCounts";
import { listJobRuns } from "@/lib/jobRuns/listJobRuns";
import { readStorageStatus } from "@/lib/storage/readStorageStatus";
import { sampleStorage } from "@/lib/storage/sampleStorage";
import { spoolStatus } from "@/lib/spool/spoolRuntime";

const FIVE_MINUTES_S = 300;

/**
 * Settings → Status for one workspace: per project the event rate and what happened to its events
 * (accepted, duplicate, rate-limited, sampled, dropped, discarded by the SDK), its share of the
 * database — the workspace's own figures, for any member. What concerns the whole instance (the
 * database per table with every tenant's rows, growth per day, the disk and data directory, the last
 * run of every background job with its error, how the instance answering acknowledges ingest and what
 * its spool holds) only for the instance operator: `database` and `instance` are null for anyone
 * else, a workspace admin included (anyone signed in can create a workspace and be its admin).
 */
export async function getIngestHealth(auth: AuthContext, workspaceId: string, now = new Date()): Promise<IngestHealth> {
  assertCanViewWorkspace(auth, workspaceId);
  const [projects, counts] = await Promise.all([
    db().project.findMany({ where: { workspaceId, deletingAt: null }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
    readIngestCounts(workspaceId, now),
  ]);
  const shares = await readProjectShares(projects.map((p) => p.id), now);
  const operator = isInstanceOperator(auth);
  const [storage, jobs] = operator ? await Promise.all([readStorageStatus(now), listJobRuns()]) : [null, []];

  return {
    generatedAt: now.toISOString(),
    projects: projects.map((p) => {
      const c = counts.get(p.id);
      const received = c ? INGEST_OUTCOMES.reduce((sum, o) => sum + c.lastFiveMinutes[o], 0) : 0;
      return {
        id: p.id,
        name: p.name,
        eventsPerSecond: Math.round((received / FIVE_MINUTES_S) * 100) / 100,
        lastHour: c?.lastHour ?? emptyIngestCounts(),
        last24h: c?.last24h ?? emptyIngestCounts(),
        storage: shares.get(p.id) ?? null,
      };
    }),
    database: storage && {
      bytes: storage.databaseBytes,
      tables: storage.tables.map((t) => ({ name: t.name, bytes: t.bytes, rows: t.estimatedRows, partitions: t.partitions })),
      growthPerDayBytes: storage.forecast.growthPerDay,
      growthEstimated: storage.forecast.estimated,
      disk: { ...storage.disk, daysLeft: storage.forecast.daysLeft },
      jobs,
    },
    instance: operator ? instanceStatus() : null,
  };
}

/** How this instance acknowledges ingest, and what its spool holds. */
function instanceStatus(): NonNullable<IngestHealth["instance"]> {
  const { bytes, maxBytes, spooling } = spoolStatus();
  return { ack: env().INGEST_ACK, spool: { bytes, maxBytes, spooling } };
}

type Share = NonNullable<IngestHealth["projects"][number]["storage"]>;

/** The latest storage sample of these projects; taken now when the storage job has not run today. */
async function readProjectShares(projectIds: string[], now: Date): Promise<Map<string, Share>> {
  const read = () =>
    pool().query<{ name: string; bytes: string; rows: string; sampledAt: Date }>(
      `SELECT name, bytes, rows, "sampledAt" FROM "StorageSample"
       WHERE day = (SELECT max(day) FROM "StorageSample" WHERE scope = 'database') AND scope = 'project_table' AND split_part(name, '/', 1) = ANY($1::text[])`,
      [projectIds],
    );
  let { rows } = await read();
  const { rows: latest } = await pool().query<{ day: string | null }>(`SELECT max(day)::text AS day FROM "StorageSample" WHERE scope = 'database'`);
  if (latest[0].day !== now.toISOString().slice(0, 10)) {
    await sampleStorage(now);
    ({ rows } = await read());
  }
  const out = new Map<string, Share>();
  for (const r of rows) {
    const [projectId, table] = r.name.split("/");
    const share = out.get(projectId) ?? { bytes: 0, sampledAt: r.sampledAt.toISOString(), tables: [] };
    share.bytes += Number(r.bytes);
    share.tables.push({ name: table, bytes: Number(r.bytes), rows: Number(r.rows) });
    out.set(projectId, share);
  }
  for (const share of out.values()) share.tables.sort((a, b) => b.bytes - a.bytes);
  return out;
}

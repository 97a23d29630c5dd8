import type pg from "pg";
import { testPool } from "@/e2e/support/testPool";

/**
 * A fingerprint of everything the database holds for some workspaces: per table, the row count and
 * an md5 of the rows' contents. Equal before and after a request means the request changed nothing
 * there (not only "inserted nothing": updates and deletes show too). Tables are found by their
 * columns, so tables added later are covered without editing this file:
 *   workspaceId → that workspace's rows; projectId → its projects'; groupId / alertId / deliveryId →
 *   rows of its groups / alerts / deliveries; Session, User, Workspace → its members and itself;
 *   CronCheckIn → runs of its monitors;
 *   any other table → the whole table (so a file using this keeps the `@serial-db` marker).
 * `lastUsedAt` (bookkeeping of a key's last use) is left out of the comparison, and so are the
 * tables of operational bookkeeping that background work rewrites on its own schedule (BOOKKEEPING).
 */
export interface TableState {
  rows: number;
  hash: string;
}

const SCOPES: { column: string; where: string }[] = [
  { column: "workspaceId", where: `"workspaceId" = ANY($1::uuid[])` },
  { column: "projectId", where: `"projectId" IN (SELECT id FROM "Project" WHERE "workspaceId" = ANY($1::uuid[]))` },
  { column: "groupId", where: `"groupId" IN (SELECT id FROM "ErrorGroup" WHERE "workspaceId" = ANY($1::uuid[]))` },
  { column: "alertId", where: `"alertId" IN (SELECT id FROM "Alert" WHERE "workspaceId" = ANY($1::uuid[]))` },
  { column: "deliveryId", where: `"deliveryId" IN (SELECT id FROM "Delivery" WHERE "workspaceId" = ANY($1::uuid[]))` },
];
const MEMBERS = `(SELECT "userId" FROM "Membership" WHERE "workspaceId" = ANY($1::uuid[]))`;
const BY_TABLE: Record<string, string> = {
  Session: `"userId" IN ${MEMBERS}`,
  User: `id IN ${MEMBERS}`,
  Workspace: `id = ANY($1::uuid[])`,
  // Runs of the workspaces' cron monitors (the sweep job adds missed runs to other workspaces' monitors at any time).
  CronCheckIn: `"monitorId" IN (SELECT id FROM "CronMonitor" WHERE "workspaceId" = ANY($1::uuid[]))`,
};

/**
 * Not data a request may lose or corrupt: JobRun (each background job's last run), StorageSample
 * (the storage job's size samples), IngestMinute (per-project request outcome counters, refused
 * requests included by design, flushed from memory every few seconds) and AppliedRecord (claims of
 * requests whose counts were added, of any workspace; the counts themselves are compared), JobCursor
 * (how far a job reading a table in time order got) and NotificationSource (the causes the
 * workflow-notifications job has handled, of any workspace; the notifications themselves are compared).
 */
const BOOKKEEPING = new Set(["JobRun", "StorageSample", "IngestMinute", "AppliedRecord", "JobCursor", "NotificationSource"]);

let cachedSql: string | undefined;

export async function workspaceSnapshot(workspaceIds: string[]): Promise<Record<string, TableState>> {
  const pool = testPool();
  cachedSql ??= await buildSql(pool);
  const { rows } = await pool.query<{ t: string; n: number; h: string }>(cachedSql, [workspaceIds]);
  return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, hash: r.h }]));
}

async function buildSql(client: pg.Pool): Promise<string> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT table_name AS table, array_agg(column_name::text) AS columns FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
       -- partitions are read through their parent (and new days' partitions appear on their own)
       AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
     GROUP BY table_name ORDER BY table_name`,
  );
  return rows
    .filter(({ table }) => !BOOKKEEPING.has(table))
    .map(({ table, columns }) => {
      const where = SCOPES.find((s) => columns.includes(s.column))?.where ?? BY_TABLE[table] ?? "true";
      return `SELECT '${table}' AS t, count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(x) - 'lastUsedAt')::text, '|' ORDER BY (to_jsonb(x) - 'lastUsedAt')::text), '')) AS h
              FROM "${table}" x WHERE ${where}`;
    })
    .join("\nUNION ALL\n");
}

/** The tables whose state differs between two snapshots (for a readable assertion message). */
export function changedTables(before: Record<string, TableState>, after: Record<string, TableState>): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.hash !== after[t]?.hash).sort();
}

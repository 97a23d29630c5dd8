import { pool, withTransaction } from "@/lib/db/pool";
import { readDatabaseBytes, readTableSizes } from "@/lib/storage/readTableSizes";

/** Samples older than this are deleted: a year of daily sizes is plenty for a trend. */
const KEEP_SAMPLES_DAYS = 400;

export interface ProjectTableShare {
  projectId: string;
  table: string;
  rows: number;
  bytes: number;
}

/**
 * The storage job (hourly): the database's size, each table's, and each project's share of every
 * table that has a projectId column (its rows × the table's bytes per row), saved as today's
 * StorageSample rows. Counting rows per project reads each such table once (≈ a second per million
 * occurrences), which is why it runs in the background and the status page reads the samples.
 */
export async function sampleStorage(now: Date = new Date()): Promise<{ databaseBytes: number; shares: ProjectTableShare[] }> {
  const [tables, databaseBytes, projectTables] = await Promise.all([readTableSizes(), readDatabaseBytes(), tablesWithProjectId()]);
  const shares: ProjectTableShare[] = [];
  const exactRows = new Map<string, number>();
  for (const table of tables.filter((t) => projectTables.has(t.name))) {
    const { rows } = await pool().query<{ projectId: string | null; n: string }>(`SELECT "projectId"::text AS "projectId", count(*)::bigint AS n FROM "${table.name}" GROUP BY 1`);
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    exactRows.set(table.name, total);
    // Rows of no project (a workspace-wide alert: the disk forecast) count in the table, in no project's share.
    for (const r of rows) {
      if (r.projectId !== null) shares.push({ projectId: r.projectId, table: table.name, rows: Number(r.n), bytes: total ? Math.round((table.bytes * Number(r.n)) / total) : 0 });
    }
  }
  const perProject = new Map<string, { rows: number; bytes: number }>();
  for (const s of shares) {
    const p = perProject.get(s.projectId) ?? { rows: 0, bytes: 0 };
    p.rows += s.rows;
    p.bytes += s.bytes;
    perProject.set(s.projectId, p);
  }
  const samples = [
    { scope: "database", name: "", bytes: databaseBytes, rows: [...exactRows.values()].reduce((a, b) => a + b, 0) },
    ...tables.map((t) => ({ scope: "table", name: t.name, bytes: t.bytes, rows: exactRows.get(t.name) ?? t.estimatedRows })),
    ...[...perProject].map(([projectId, p]) => ({ scope: "project", name: projectId, bytes: p.bytes, rows: p.rows })),
    ...shares.map((s) => ({ scope: "project_table", name: `${s.projectId}/${s.table}`, bytes: s.bytes, rows: s.rows })),
  ];
  const day = now.toISOString().slice(0, 10);
  await withTransaction(async (client) => {
    // Projects deleted since the last sample of the day drop out.
    await client.query(`DELETE FROM "StorageSample" WHERE day = $1::date AND scope IN ('project', 'project_table')`, [day]);
    await client.query(
      `INSERT INTO "StorageSample" (day, scope, name, bytes, rows, "sampledAt")
       SELECT $1::date, scope, name, bytes, rows, $2::timestamptz FROM jsonb_to_recordset($3::jsonb) AS x(scope text, name text, bytes bigint, rows bigint)
       ON CONFLICT (day, scope, name) DO UPDATE SET bytes = excluded.bytes, rows = excluded.rows, "sampledAt" = excluded."sampledAt"`,
      [day, now.toISOString(), JSON.stringify(samples)],
    );
  });
  await pool().query(`DELETE FROM "StorageSample" WHERE day < $1::date - $2::int`, [day, KEEP_SAMPLES_DAYS]);
  return { databaseBytes, shares };
}

async function tablesWithProjectId(): Promise<Set<string>> {
  const { rows } = await pool().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'projectId'`,
  );
  return new Set(rows.map((r) => r.table_name));
}

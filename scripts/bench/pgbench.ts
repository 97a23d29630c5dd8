import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const PGBENCH = process.env.BENCH_PGBENCH ?? "/usr/lib/postgresql/15/bin/pgbench";

export interface PgbenchResult {
  rowsPerSecond: number;
  tps: number;
  latencyMs: number;
}

/**
 * PostgreSQL alone on the app's database: pgbench inserting single rows (one per transaction) and
 * 100-row statements into a scratch table shaped like a small occurrence row, `clients` at once
 * for `seconds`. The ceiling of what any ingest path could commit with the same row counts.
 */
export async function runPgbench(databaseUrl: string, rowsPerStatement: number, clients: number, seconds: number): Promise<PgbenchResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, project uuid NOT NULL, event_id text NOT NULL, occurred_at timestamptz NOT NULL, message text NOT NULL)`);
  await client.end();
  const values = `'01234567-89ab-cdef-0123-456789abcdef'::uuid, md5(random()::text), now(), 'TypeError while handling request for user 42'`;
  const sql =
    rowsPerStatement === 1
      ? `INSERT INTO bench_insert (project, event_id, occurred_at, message) VALUES (${values});\n`
      : `INSERT INTO bench_insert (project, event_id, occurred_at, message) SELECT ${values} FROM generate_series(1, ${rowsPerStatement});\n`;
  const script = path.join(os.tmpdir(), `faultline-pgbench-${process.pid}-${rowsPerStatement}.sql`);
  fs.writeFileSync(script, sql);
  const url = new URL(databaseUrl);
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      PGBENCH,
      ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", script, "-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username), url.pathname.slice(1)],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
      (error, stdout, stderr) => (error ? reject(new Error(`pgbench failed: ${stderr || error.message}`)) : resolve(stdout)),
    ),
  );
  fs.rmSync(script, { force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? NaN);
  return { tps, rowsPerSecond: tps * rowsPerStatement, latencyMs };
}

export async function dropPgbenchTable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS bench_insert`);
  await client.end();
}

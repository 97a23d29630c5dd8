import type pg from "pg";
import { testPool } from "@/e2e/support/testPool";
import { waitFor } from "@/e2e/support/waitFor";

const TABLES = ["ErrorGroup", "ErrorOccurrence", "ErrorGroupUser", "ErrorGroupAgent", "ErrorHourly", "AuditLog"];

/** Row counts of every table ingest writes to: equal before and after means nothing was written.
 * Whole-table counts: a file using this must carry the `@serial-db` marker (see scripts/test.mjs). */
export async function ingestTableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await testPool().query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(rows[0].n);
  }
  return counts;
}

/** A query on the test database, or on `databaseUrl` (a fresh instance's own database). */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], databaseUrl?: string): Promise<T[]> {
  return (await testPool(databaseUrl).query<T>(sql, params)).rows;
}

/**
 * Waits until the actor-fold job has moved the project's pending user/agent counts (ActorPending)
 * into the per-actor rollups: for tests that read those tables directly (the views add the pending
 * rows themselves and need no wait).
 */
export async function actorCountsFolded(projectId: string, databaseUrl?: string): Promise<void> {
  await waitFor(async () => {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ActorPending" WHERE "projectId" = $1::uuid`, [projectId], databaseUrl);
    return n === 0 ? true : undefined;
  });
}

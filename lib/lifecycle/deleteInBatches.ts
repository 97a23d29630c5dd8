import { pool } from "@/lib/db/pool";

/** Rows per delete statement: short transactions, no long row locks, vacuum keeps up. */
export const BATCH = 5_000;

/**
 * Runs a delete of at most BATCH rows again until it deletes fewer; returns the rows deleted. A
 * statement that also deletes or counts other rows answers `n` (its own rows) and those as other
 * columns: `onRow` is given each answer.
 */
export async function deleteInBatches(sql: string, values: unknown[], onRow?: (row: Record<string, number>) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await pool().query<Record<string, number>>(sql, values);
    const n = onRow ? Number(result.rows[0]?.n ?? 0) : (result.rowCount ?? 0);
    if (onRow && result.rows[0]) onRow(result.rows[0]);
    total += n;
    if (!n || n < BATCH) return total;
  }
}

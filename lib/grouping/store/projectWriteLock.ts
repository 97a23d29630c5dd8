import type pg from "pg";
import type { BundledTransaction } from "@/lib/db/bundledTransaction";
import { groupingLockKey } from "@/lib/grouping/store/resolveGroups";

/**
 * A transaction that writes a project's data takes the project's grouping lock shared, then reads
 * whether the project still takes writes: it does not once its deletion began (Project.deletingAt,
 * set by lib/projects/deletion/markProjectDeleting.ts while it holds the lock exclusively) or once it
 * is gone. A writer that got the lock before the mark has committed before the mark does (its rows
 * are then deleted with the rest); one that gets it after sees the mark and writes nothing. Two
 * statements in one text: in READ COMMITTED each takes its own snapshot, so the check sees what
 * committed while the lock was awaited (a single statement's snapshot would predate the wait).
 */
function lockThenCheckSql(projectId: string, mode: "shared" | "exclusive", literal: (value: string) => string): string {
  const lock = mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock";
  return `SELECT ${lock}(${groupingLockKey(projectId)}); SELECT EXISTS (SELECT 1 FROM "Project" WHERE id = ${literal(projectId)}::uuid AND "deletingAt" IS NULL) AS live`;
}

/** The ingest transaction's first statements (sent with its BEGIN when they open it): true while the project takes events. */
export async function lockGroupingShared(tx: BundledTransaction, projectId: string): Promise<boolean> {
  const rows = await tx.open(lockThenCheckSql(projectId, "shared", (value) => tx.literal(value)));
  return rows[0]?.live === true;
}

/**
 * The same on a plain transaction's client (`BEGIN` already sent): shared for writers of the
 * project's other data (session counts, executions), exclusive for merges and unmerges. True while
 * the project takes writes.
 */
export async function lockLiveProject(client: pg.PoolClient, projectId: string, mode: "shared" | "exclusive"): Promise<boolean> {
  const result = (await client.query(lockThenCheckSql(projectId, mode, (value) => client.escapeLiteral(value)))) as unknown as pg.QueryResult | pg.QueryResult[];
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return last.rows[0]?.live === true;
}

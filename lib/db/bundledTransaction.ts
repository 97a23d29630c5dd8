import type pg from "pg";
import { withConnectionWithin } from "@/lib/db/connectionDeadline";

/**
 * A transaction that need spend no round trip of its own on BEGIN or COMMIT: BEGIN can travel with
 * the first statement (`open`) and COMMIT with the statements queued for the end, each as one
 * multi-statement simple query; `begin` opens it the plain way (lib/db/pool.ts withTransaction). For the ingest transaction (lib/ingest/storeEvents.ts), whose every round trip waits
 * on an event loop busy with the next requests: measured under load, BEGIN alone took 3–4 ms of wall
 * time for 0.001 ms of work in PostgreSQL.
 *
 * The bundled texts take no parameters (simple-query protocol): values go in as escaped literals
 * (`literal`). A failed statement skips the rest of its text and leaves the transaction aborted;
 * the caller's error path rolls it back. Named statements (prepared once per connection) run on
 * `client` in between as usual.
 */
export class BundledTransaction {
  private begun = false;
  private readonly beforeCommit: string[] = [];

  constructor(readonly client: pg.PoolClient) {}

  /**
   * Runs `sql` (no parameters; one statement or several) as the transaction's opening statement, sent
   * with BEGIN; resolves to the rows of its last statement. Each statement of the text takes its own
   * snapshot (READ COMMITTED), so one that follows a lock wait sees what committed during it.
   */
  async open(sql: string): Promise<pg.QueryResultRow[]> {
    const text = this.begun ? sql : `BEGIN; ${sql}`;
    this.begun = true;
    return lastRows(await this.client.query(text));
  }

  /** Opens the transaction with BEGIN alone: for callers whose statements all run on `client`. */
  async begin(): Promise<void> {
    if (this.begun) return;
    this.begun = true;
    await this.client.query("BEGIN");
  }

  /** Queues `sql` (no parameters, no result read) to run just before COMMIT, in COMMIT's round trip. */
  atCommit(sql: string): void {
    this.beforeCommit.push(sql);
  }

  /** Runs the queued statements and COMMIT in one round trip (BEGIN too, when nothing opened it). */
  async commit(): Promise<void> {
    if (!this.begun && this.beforeCommit.length === 0) return;
    const opening = this.begun ? [] : ["BEGIN"];
    this.begun = true;
    await this.client.query([...opening, ...this.beforeCommit, "COMMIT"].join(";\n"));
  }

  /** A value as an SQL literal for a bundled text: strings escaped, numbers finite, null as NULL. */
  literal(value: string | number | null): string {
    if (value === null) return "NULL";
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
      return String(value);
    }
    return this.client.escapeLiteral(value);
  }
}

/** The rows of a simple query's last statement (node-postgres answers a list for several). */
function lastRows(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResultRow[] {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return last?.rows ?? [];
}

/**
 * Runs `fn` in a bundled transaction on a connection from `from`: committed when `fn` resolves,
 * rolled back when anything throws (a no-op when BEGIN never went out or COMMIT already ended it).
 * `deadlineMs` (0: none) bounds the whole of it, from asking for a connection to COMMIT's answer:
 * past it the connection is closed and the call fails as "database unavailable"
 * (lib/db/connectionDeadline.ts) — for callers that have somewhere else to put the work (ingest spools).
 */
export function withBundledTransaction<T>(fn: (tx: BundledTransaction) => Promise<T>, from: pg.Pool, deadlineMs = 0): Promise<T> {
  return withConnectionWithin(from, deadlineMs, async (client, closed) => {
    try {
      const tx = new BundledTransaction(client);
      const result = await fn(tx);
      await tx.commit();
      return result;
    } catch (error) {
      if (!closed()) await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

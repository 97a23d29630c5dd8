import pg from "pg";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";

const pools = new Map<string, pg.Pool>();

/**
 * A small connection pool per database (the test database, or a fresh instance's own), so that a
 * test's many direct queries reuse a connection instead of opening one each: a new connection costs
 * PostgreSQL a process and a cold catalog cache (≈ 100 ms for a query over every table, against
 * ≈ 10 ms on a warm one). Idle connections close after a second and never hold the test process
 * open; one that the server drops (a database dropped WITH (FORCE), a killed server) is discarded.
 */
export function testPool(databaseUrl?: string): pg.Pool {
  const url = databaseUrl ?? assertLocalDatabase();
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    pool.on("error", () => undefined);
    pools.set(url, pool);
  }
  return pool;
}

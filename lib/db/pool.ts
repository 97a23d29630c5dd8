import pg from "pg";
import { withBundledTransaction } from "@/lib/db/bundledTransaction";
import { env, type Env } from "@/lib/env";
import { stallWatchedPool } from "@/lib/db/stallWatch";

type PoolName = "main" | "analytics" | "ingest" | "alert" | "lock";

// On globalThis: every bundle in the process (Next.js's, the ingest fast path's) shares the same pools.
const globalForPool = globalThis as unknown as { faultlinePools?: Partial<Record<PoolName, pg.Pool>> };

/** The process's one pool of that name, made on first use; a lost idle connection is never an unhandled error. */
function sharedPool(name: PoolName, config: () => pg.PoolConfig, options: { watchForStalls?: boolean } = {}): pg.Pool {
  const pools = (globalForPool.faultlinePools ??= {});
  let shared = pools[name];
  if (!shared) {
    const made = config();
    shared = pools[name] = options.watchForStalls ? stallWatchedPool(made, { primary: made.connectionString === env().DATABASE_URL }) : new pg.Pool(made);
    shared.on("error", () => undefined);
  }
  return shared;
}

/** Ends every pool this process has opened (graceful shutdown): their idle connections close, none are opened. */
export async function endPools(): Promise<void> {
  const pools = Object.values(globalForPool.faultlinePools ?? {});
  await Promise.allSettled(pools.map((p) => (p.ended ? undefined : p.end())));
}

/** Sessions whose prepared (named) statements are planned once, whatever their parameters. */
const GENERIC_PLANS = "-c plan_cache_mode=force_generic_plan";

/**
 * The one PostgreSQL pool per process; Prisma and the raw-SQL ingest path share it. Watched for a
 * server that stopped answering (lib/db/stallWatch.ts), as the dashboard's pool is.
 */
export function pool(): pg.Pool {
  return sharedPool(
    "main",
    () => ({
      connectionString: env().DATABASE_URL,
      max: env().DATABASE_POOL_SIZE,
      // Optional bound on the wait for a connection (an unreachable host then spools instead of hanging).
      connectionTimeoutMillis: env().DATABASE_CONNECT_TIMEOUT_MS,
    }),
    { watchForStalls: true },
  );
}

/**
 * A separate, smaller pool for dashboard reads: a heavy view can never take the connections ingest
 * needs. Its sessions run without parallel workers: one view issues several queries at once, and
 * on a small machine the extra worker processes only add start-up cost and contention. With
 * DATABASE_READ_URL set it reads from that server (a streaming replica): only read-only aggregate
 * queries run here, and a view a second behind the primary is fine for a dashboard.
 */
export function analyticsPool(): pg.Pool {
  return sharedPool(
    "analytics",
    () => ({
      connectionString: analyticsDatabaseUrl(env()),
      max: env().DATABASE_ANALYTICS_POOL_SIZE,
      // Dashboards poll: keep warm backends (their catalog caches and plans) between refreshes.
      idleTimeoutMillis: 120_000,
      // Per-group and per-user aggregates of a large workspace hash 10,000s of rows: keep them in memory.
      options: "-c max_parallel_workers_per_gather=0 -c work_mem=16MB",
    }),
    { watchForStalls: true },
  );
}

/** Where dashboard aggregates are read: the read replica when configured, else the primary. */
export function analyticsDatabaseUrl(config: Pick<Env, "DATABASE_URL" | "DATABASE_READ_URL">): string {
  return config.DATABASE_READ_URL ?? config.DATABASE_URL;
}

/**
 * The connections of ingest writes (group commit), apart from the rest so a busy dashboard or job
 * never delays a commit. Their sessions always use generic plans: the write statement is prepared
 * once per connection, its plan does not depend on its parameters (JSON arrays), and re-planning
 * a statement of twenty parts for each execution costs more than the execution of a small batch.
 */
export function ingestPool(): pg.Pool {
  return sharedPool("ingest", () => ({
    connectionString: env().DATABASE_URL,
    max: env().DATABASE_INGEST_POOL_SIZE,
    idleTimeoutMillis: 60_000,
    options: GENERIC_PLANS,
  }));
}

/**
 * Two connections for alert evaluation (lib/alerts/evaluate), which runs after every ingest
 * transaction that carries an event a rule looks at. Its statements are named, so each connection
 * prepares them once, and its sessions use generic plans: planning them per execution (the window
 * count reads the partitioned ErrorOccurrence, one partition per day) cost PostgreSQL ≈ 1.5 ms per
 * ingest transaction, twice what running them did. Apart from the ingest pool so they never hold up a commit.
 */
export function alertPool(): pg.Pool {
  return sharedPool("alert", () => ({
    connectionString: env().DATABASE_URL,
    max: 2,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: env().DATABASE_CONNECT_TIMEOUT_MS,
    options: GENERIC_PLANS,
  }));
}

/**
 * Connections that only hold a background job's advisory lock (lib/db/advisoryLock.ts) while the
 * job works on connections of the main pool. Taken from the main pool, the locks starved their own
 * jobs: eleven jobs due at once (after PostgreSQL stalled, every job's next turn comes together)
 * held all ten connections in lock transactions, each job waiting for an eleventh to do its work —
 * and the instance never queried the database again. Idle lock connections serve any job, so the
 * pool holds about as many as jobs run at once (a few; all eleven only when they come due together).
 */
export function lockPool(): pg.Pool {
  return sharedPool("lock", () => ({
    connectionString: env().DATABASE_URL,
    max: 32,
    idleTimeoutMillis: 30_000,
  }));
}

/** Runs `fn` inside BEGIN/COMMIT on one connection; rolls back on any error. `deadlineMs`: see withBundledTransaction. */
export function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>, from: pg.Pool = pool(), deadlineMs = 0): Promise<T> {
  return withBundledTransaction(
    async (tx) => {
      await tx.begin();
      return fn(tx.client);
    },
    from,
    deadlineMs,
  );
}

/** Runs `fn` on one pooled connection without a transaction (a single statement is atomic by itself). */
export async function withConnection<T>(fn: (client: pg.PoolClient) => Promise<T>, from: pg.Pool = pool()): Promise<T> {
  const client = await from.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock_detected, serialization_failure

/** Re-runs a whole transaction when PostgreSQL aborted it to break a deadlock (rare; bounded). */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 3, alsoRetry: readonly string[] = []): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || !code || !(RETRYABLE.has(code) || alsoRetry.includes(code))) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    }
  }
}

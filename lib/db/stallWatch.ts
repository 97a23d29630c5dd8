import pg from "pg";
import { closeConnection } from "@/lib/db/connectionDeadline";
import { databaseKnownDown, markDatabaseDown, markDatabaseUp } from "@/lib/db/databaseDown";
import { settleWithin } from "@/lib/db/settleWithin";

/**
 * Dashboard and API reads against a server that stopped answering (PostgreSQL frozen, a VM paused,
 * a network path that drops packets): their connections stay open and nothing ever settles, so each
 * request waited as long as the stall lasted — the issue list spun, the tab never heard back. The
 * ingest path has deadlines of its own (it spools); these reads cannot know in advance how long a
 * legitimate query takes (an export, a year's rollups), so a fixed timeout would fail slow work.
 *
 * Instead, per pool: when a connection has been connecting or checked out for `SUSPECT_AFTER_MS`
 * (1 s while the server is already known not to answer), the watch asks the server on a fresh
 * connection whether it answers at all. Only when that probe gets no answer within
 * `PROBE_TIMEOUT_MS` are the suspect connections closed: their queries fail as "database unavailable" (503 with Retry-After, never a
 * hang), PostgreSQL rolls back what they had open, and the pool replaces them. A probe that is
 * answered — or refused with an error: the server is there — leaves slow work alone.
 */
const SUSPECT_AFTER_MS = 5_000;
const SUSPECT_WHILE_DOWN_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;
const TICK_MS = 1_000;

type Probe = (options: pg.PoolConfig) => Promise<"answers" | "silent" | "refused">;

/** The connections out for longer than SUSPECT_AFTER_MS, SUSPECT_WHILE_DOWN_MS while the server is known down. */
export function suspectsOf<K>(checkedOut: Map<K, number>, now: number, knownDown: boolean): K[] {
  const limit = knownDown ? SUSPECT_WHILE_DOWN_MS : SUSPECT_AFTER_MS;
  return [...checkedOut].filter(([, since]) => now - since > limit).map(([client]) => client);
}

/** How long a silent probe makes new connections suspect sooner (as lib/db/databaseDown.ts holds the primary). */
const DOWN_HOLD_MS = 3_000;

/**
 * A pool whose connections are watched from the moment each is made (a new connection to a frozen
 * server never finishes connecting) until it is given back; the probe uses the pool's options. What
 * a probe finds about the primary (`primary`: the pool's server is DATABASE_URL's) is shared with the
 * ingest path's reads (lib/db/databaseDown.ts); a read replica's stall stays the dashboard's affair —
 * it must not send ingest to the spool. The watch's timer never keeps the process alive.
 */
export function stallWatchedPool(config: pg.PoolConfig, options: { primary: boolean; probe?: Probe }): pg.Pool {
  const { primary, probe = probeServer } = options;
  let downUntil = 0;
  const watched = new Map<pg.Client, number>();
  class WatchedClient extends pg.Client {
    constructor(options?: pg.ClientConfig) {
      super(options);
      // Watched while it connects; the pool's acquire (right after) restarts the clock, its release ends it.
      watched.set(this, Date.now());
      this.once("end", () => watched.delete(this));
    }
  }
  const pool = new pg.Pool({ ...config, Client: WatchedClient });
  pool.on("acquire", (client) => void watched.set(client, Date.now()));
  pool.on("release", (_error, client) => void watched.delete(client));
  pool.on("remove", (client) => void watched.delete(client));
  let probing = false;
  const tick = async () => {
    const now = Date.now();
    const suspects = suspectsOf(watched, now, now < downUntil || (primary && databaseKnownDown(now)));
    if (probing || suspects.length === 0) return;
    probing = true;
    try {
      const outcome = await probe(config);
      if (outcome === "answers") {
        downUntil = 0;
        if (primary) markDatabaseUp();
      }
      if (outcome !== "silent") return;
      downUntil = Date.now() + DOWN_HOLD_MS;
      if (primary) markDatabaseDown();
      for (const client of suspects) {
        if (!watched.has(client)) continue;
        watched.delete(client);
        // A closed connection emits 'error' on the client, which a checked-out client has no listener for.
        client.on("error", () => undefined);
        closeConnection(client);
      }
    } finally {
      probing = false;
    }
  };
  setInterval(() => void tick().catch(() => undefined), TICK_MS).unref();
  return pool;
}

/** `SELECT 1` on a connection of its own: answered, silent past the deadline, or refused with an error. */
async function probeServer(options: pg.PoolConfig): Promise<"answers" | "silent" | "refused"> {
  // The pool's own connect timeout (DATABASE_CONNECT_TIMEOUT_MS) would end a silent connect as an error first.
  const client = new pg.Client({ ...options, connectionTimeoutMillis: 0 });
  client.on("error", () => undefined);
  const silent = new Error("silent");
  let outcome: "answers" | "silent" | "refused" = "refused";
  try {
    await settleWithin(client.connect().then(() => client.query("SELECT 1")), PROBE_TIMEOUT_MS, () => silent);
    outcome = "answers";
  } catch (error) {
    if (error === silent) outcome = "silent";
  }
  // A silent server would not read a goodbye either: its socket is dropped.
  if (outcome === "silent") closeConnection(client);
  else void client.end().catch(() => undefined);
  return outcome;
}

import { createHash } from "node:crypto";
import { withConnectionWithin } from "@/lib/db/connectionDeadline";
import { pool } from "@/lib/db/pool";

/** As long as the spool replayer's probe may take (lib/db/ping.ts). */
const IDENTITY_TIMEOUT_MS = 2_000;

/**
 * Which database this process writes to, as 16 hex digits: a hash of the PostgreSQL cluster's system
 * identifier (made by initdb, kept by restarts, crash recovery and a promoted streaming replica) and
 * the database's name. The spool stamps its segments with it (lib/spool/spool.ts), so a spool folder
 * two instances on different databases share never replays one's events into the other. Where the
 * cluster's identifier may not be read (pg_control_system() revoked), the server's address and port
 * stand in for it. Fails as unavailable when PostgreSQL does not answer within 2 s.
 */
export function readDatabaseIdentity(timeoutMs = IDENTITY_TIMEOUT_MS): Promise<string> {
  return withConnectionWithin(pool(), timeoutMs, async (client) => {
    try {
      const { rows } = await client.query<{ cluster: string; name: string }>("SELECT system_identifier::text AS cluster, current_database() AS name FROM pg_control_system()");
      return databaseIdentityTag(rows[0].cluster, rows[0].name);
    } catch (error) {
      // 42501 insufficient_privilege, 42883 no such function (a PostgreSQL-compatible server).
      const code = (error as { code?: unknown }).code;
      if (code !== "42501" && code !== "42883") throw error;
      const { rows } = await client.query<{ cluster: string; name: string }>(
        "SELECT concat('server ', inet_server_addr(), ':', inet_server_port()) AS cluster, current_database() AS name",
      );
      return databaseIdentityTag(rows[0].cluster, rows[0].name);
    }
  });
}

export function databaseIdentityTag(cluster: string, name: string): string {
  return createHash("sha256").update(`${cluster}/${name}`).digest("hex").slice(0, 16);
}

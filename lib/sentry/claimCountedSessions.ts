import type pg from "pg";
import type { SessionCounts } from "@/lib/sentry/mapSessions";

/**
 * Of the session counts about to be added, those to add: a single session (with a `sid`) only the
 * first time any of its final updates arrives — the JavaScript SDKs send a crashed or errored
 * session's end again later —, claimed in CountedSession inside the caller's transaction, so two
 * instances receiving the same session at once count it once; aggregates (no `sid`) always.
 */
export async function claimCountedSessions(client: pg.PoolClient, projectId: string, sessions: SessionCounts[]): Promise<SessionCounts[]> {
  const sids = [...new Set(sessions.flatMap((s) => (s.sid ? [s.sid] : [])))].sort();
  if (sids.length === 0) return sessions;
  const { rows } = await client.query<{ sid: string }>(
    `INSERT INTO "CountedSession" ("projectId", sid) SELECT $1::uuid, sid FROM unnest($2::text[]) AS sid
     ON CONFLICT DO NOTHING RETURNING sid`,
    [projectId, sids],
  );
  const unclaimed = new Set(rows.map((r) => r.sid));
  return sessions.filter((s) => !s.sid || unclaimed.delete(s.sid));
}

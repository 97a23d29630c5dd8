import type pg from "pg";
import type { SessionCounts } from "@/lib/sentry/mapSessions";
import { outcomeChange, outcomeOfCounts, outcomeOfRank, outcomeRank, worseOutcome, type SessionOutcome } from "@/lib/sentry/sessionOutcome";

/** One session's updates of a request, folded: where it started and the worst bucket they show. */
export interface SessionUpdate {
  sid: string;
  outcome: SessionOutcome;
  minute: string;
  release: string;
  environment: string;
}

/** A CountedSession row as the upsert returns it: its bucket before the update (null: just counted), after, and where it is counted. */
export interface CountedSessionRow {
  outcomeBefore: number | null;
  outcome: number;
  minute: Date | null;
  release: string;
  environment: string;
}

/** What a request's session counts do to the rollups: counts to add, and counted sessions to move between buckets. */
export interface SessionCountChanges {
  /** Aggregates, and sessions counted now (their first update to arrive): added. */
  added: SessionCounts[];
  /** Sessions counted before that an update showed in a worse bucket: −1 in the old, +1 in the new, where they were counted. */
  moved: SessionCounts[];
}

/**
 * Of the session counts about to be added, what they change in the rollups: aggregates (no `sid`)
 * are added as they are; single sessions' updates go through CountedSession, in the caller's
 * transaction — a session is counted once, in the bucket of the first of its updates to arrive (the
 * `init: true` one, normally: healthy browser page loads send nothing else), and a later update
 * showing a worse bucket moves it there where it was counted; repeated, late or better updates
 * change nothing. The row is upserted (ON CONFLICT on the session's key, its old bucket read back in
 * the same statement), so two instances receiving updates of the same session at once count and
 * move it once.
 */
export async function countSessionUpdates(client: pg.PoolClient, projectId: string, sessions: SessionCounts[]): Promise<SessionCountChanges> {
  const changes: SessionCountChanges = { added: sessions.filter((s) => !s.sid), moved: [] };
  const updates = foldSessionUpdates(sessions);
  if (updates.length === 0) return changes;
  const { rows } = await client.query<CountedSessionRow>(
    `INSERT INTO "CountedSession" AS c ("projectId", sid, outcome, minute, release, environment)
     SELECT $1::uuid, x.sid, x.outcome, x.minute, x.release, x.environment
     FROM jsonb_to_recordset($2::jsonb) AS x(sid text, outcome smallint, minute timestamptz, release text, environment text)
     ORDER BY x.sid
     ON CONFLICT ("projectId", sid) DO UPDATE SET outcome = excluded.outcome, "outcomeBefore" = c.outcome
       WHERE c.outcome < excluded.outcome
     RETURNING c."outcomeBefore", c.outcome, c.minute, c.release, c.environment`,
    [projectId, JSON.stringify(updates.map((u) => ({ ...u, outcome: outcomeRank(u.outcome) })))],
  );
  for (const row of rows) {
    const change = sessionChange(row);
    if (change) changes[change.moved ? "moved" : "added"].push(change.counts);
  }
  return changes;
}

/**
 * Single sessions' updates (those with a `sid`) one per session, sorted by id (rows locked in one
 * order: no deadlock between instances): the worst bucket any of them shows, where the first of them
 * says it started (a session's start and attributes never change, as Sentry's protocol has it).
 */
export function foldSessionUpdates(sessions: SessionCounts[]): SessionUpdate[] {
  const bySid = new Map<string, SessionUpdate>();
  for (const s of sessions) {
    if (!s.sid) continue;
    const outcome = outcomeOfCounts({ ...s, abnormal: s.abnormal ?? 0 });
    const seen = bySid.get(s.sid);
    if (seen) seen.outcome = worseOutcome(seen.outcome, outcome);
    else bySid.set(s.sid, { sid: s.sid, outcome, minute: s.minute, release: s.release ?? "", environment: s.environment ?? "" });
  }
  return [...bySid.values()].sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
}

/**
 * What a returned row changes where its session is counted: +1 in its bucket when just counted;
 * −1 in the old bucket and +1 in the new when moved (`moved`); null when nothing.
 */
export function sessionChange(row: CountedSessionRow): { moved: boolean; counts: SessionCounts } | null {
  const after = outcomeOfRank(row.outcome);
  // A row counted before buckets were kept has no place to move in (and never moves: its bucket is the worst).
  if (!after || !row.minute) return null;
  const before = row.outcomeBefore === null ? undefined : outcomeOfRank(row.outcomeBefore);
  if (row.outcomeBefore !== null && !before) return null;
  const change = outcomeChange(before, after);
  if (!change) return null;
  const counts = { minute: row.minute.toISOString(), ...(row.release && { release: row.release }), ...(row.environment && { environment: row.environment }), ...change };
  return { moved: before !== undefined, counts };
}

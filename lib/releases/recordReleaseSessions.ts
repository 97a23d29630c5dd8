import { createHash } from "node:crypto";
import type pg from "pg";
import { boundedAddSql, saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";
import type { SessionCounts } from "@/lib/sentry/mapSessions";

/**
 * Adds counted Sentry sessions that name a release to ReleaseSessionDaily (per UTC day, release and
 * environment), in the caller's transaction: the releases page's crash-free share (abnormal sessions
 * apart: not crashes). Sessions without a release are counted in the execution tables only.
 */
export async function recordReleaseSessions(client: pg.PoolClient, target: { workspaceId: string; projectId: string }, sessions: SessionCounts[]): Promise<void> {
  const rows = sessions
    .filter((s) => s.release)
    .map((s) => ({ day: s.minute.slice(0, 10), release: s.release, environment: s.environment ?? "", ok: s.ok, errored: s.errored, crashed: s.crashed, abnormal: s.abnormal ?? 0 }));
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO "ReleaseSessionDaily" ("projectId", day, release, environment, "workspaceId", ok, errored, crashed, abnormal)
     SELECT $1::uuid, x.day, x.release, x.environment, $2::uuid, ${saturatingSumSql("x.ok")}, ${saturatingSumSql("x.errored")}, ${saturatingSumSql("x.crashed")}, ${saturatingSumSql("x.abnormal")}
     FROM jsonb_to_recordset($3::jsonb) AS x(day date, release text, environment text, ok int, errored int, crashed int, abnormal int)
     GROUP BY 2, 3, 4
     ORDER BY 2, 3, 4
     ON CONFLICT ("projectId", day, release, environment) DO UPDATE SET
       ok = ${saturatingAddSql(`"ReleaseSessionDaily".ok`, "excluded.ok")},
       errored = ${saturatingAddSql(`"ReleaseSessionDaily".errored`, "excluded.errored")},
       crashed = ${saturatingAddSql(`"ReleaseSessionDaily".crashed`, "excluded.crashed")},
       abnormal = ${saturatingAddSql(`"ReleaseSessionDaily".abnormal`, "excluded.abnormal")}`,
    [target.projectId, target.workspaceId, JSON.stringify(rows)],
  );
}

/**
 * Moves counted sessions between buckets where they were counted (lib/sentry/countSessionUpdates.ts:
 * −1 in the old bucket, +1 in the worse one), in the caller's transaction. Only rows that hold them
 * change: where retention already took the day, there is nothing left to move; no count goes below 0.
 */
export async function moveReleaseSessions(client: pg.PoolClient, projectId: string, moves: SessionCounts[]): Promise<void> {
  const rows = moves
    .filter((s) => s.release)
    .map((s) => ({ day: s.minute.slice(0, 10), release: s.release, environment: s.environment ?? "", ok: s.ok, errored: s.errored, crashed: s.crashed, abnormal: s.abnormal ?? 0 }));
  if (rows.length === 0) return;
  await client.query(
    `UPDATE "ReleaseSessionDaily" r SET
       ok = ${boundedAddSql("r.ok", "x.ok")},
       errored = ${boundedAddSql("r.errored", "x.errored")},
       crashed = ${boundedAddSql("r.crashed", "x.crashed")},
       abnormal = ${boundedAddSql("r.abnormal", "x.abnormal")}
     FROM (
       SELECT x.day, x.release, x.environment, sum(x.ok) AS ok, sum(x.errored) AS errored, sum(x.crashed) AS crashed, sum(x.abnormal) AS abnormal
       FROM jsonb_to_recordset($2::jsonb) AS x(day date, release text, environment text, ok int, errored int, crashed int, abnormal int)
       GROUP BY 1, 2, 3
     ) x
     WHERE r."projectId" = $1::uuid AND r.day = x.day AND r.release = x.release AND r.environment = x.environment`,
    [projectId, JSON.stringify(rows)],
  );
}

/**
 * The users behind Sentry sessions that name a release and a user (the SDK's `did`, stored as a hash:
 * the id may be an email) per UTC day, release and environment, and whether one of their sessions
 * crashed: crash-free users. A user's row only ever turns crashed, so every update of a session may
 * pass (a browser's sends its user once the app sets one, and its crash later): nothing counts twice.
 */
export async function recordReleaseUsers(client: pg.PoolClient, target: { workspaceId: string; projectId: string }, sessions: SessionCounts[]): Promise<void> {
  const rows = sessions
    .filter((s) => s.release && s.did)
    .map((s) => ({ day: s.minute.slice(0, 10), release: s.release, environment: s.environment ?? "", user: userKey(target.projectId, s.did!), crashed: s.crashed > 0 }));
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO "ReleaseUserDaily" ("projectId", day, release, environment, "userKey", "workspaceId", crashed)
     SELECT $1::uuid, x.day, x.release, x.environment, x.user, $2::uuid, bool_or(x.crashed)
     FROM jsonb_to_recordset($3::jsonb) AS x(day date, release text, environment text, "user" text, crashed boolean)
     GROUP BY 2, 3, 4, 5
     ORDER BY 2, 3, 4, 5
     ON CONFLICT ("projectId", day, release, environment, "userKey") DO UPDATE SET crashed = true
       WHERE excluded.crashed AND NOT "ReleaseUserDaily".crashed`,
    [target.projectId, target.workspaceId, JSON.stringify(rows)],
  );
}

/** A user's key: SHA-256 of the project and the SDK's distinct id, 32 hex digits (never the id itself). */
function userKey(projectId: string, did: string): string {
  return createHash("sha256").update(`${projectId}\n${did}`).digest("hex").slice(0, 32);
}

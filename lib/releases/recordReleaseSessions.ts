import { createHash } from "node:crypto";
import type pg from "pg";
import { saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";
import type { SessionCounts } from "@/lib/sentry/mapSessions";

/**
 * Adds counted Sentry sessions that name a release to ReleaseSessionDaily (per UTC day, release and
 * environment), in the caller's transaction: the releases page's crash-free share (abnormal sessions
 * apart: not crashes); and their users to ReleaseUserDaily (crash-free users: only a crash counts). Sessions without a release are counted in the execution
 * tables only.
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
  await recordReleaseUsers(client, target, sessions);
}

/**
 * The users behind those sessions (the SDK's `did`, stored as a hash: the id may be an email) per UTC
 * day, release and environment, and whether one of their sessions crashed: crash-free users. A
 * user's row only ever turns crashed, so sending a session again changes nothing.
 */
async function recordReleaseUsers(client: pg.PoolClient, target: { workspaceId: string; projectId: string }, sessions: SessionCounts[]): Promise<void> {
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

import type pg from "pg";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { pool } from "@/lib/db/pool";
import { boundedAddSql, saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";

export interface ExecutionDelta {
  minute: Date;
  agentId?: string;
  environment?: string;
  ok: number;
  failed: number;
  crashed?: number;
}

/**
 * Adds execution counts to the per-minute, per-hour and per-day tables in one statement (summed on
 * conflict, saturating: lib/db/saturatingCounter.ts); on `db` when given (a transaction's client).
 */
export async function recordExecutions(target: { workspaceId: string; projectId: string }, deltas: ExecutionDelta[], db: pg.Pool | pg.PoolClient = pool()): Promise<void> {
  if (deltas.length === 0) return;
  const rows = executionRows(deltas);
  await db.query(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(minute timestamptz, "agentId" text, environment text, ok int, failed int, crashed int)
     ), per_minute AS (
       INSERT INTO "ExecutionMinute" ("projectId", minute, "agentId", environment, "workspaceId", ok, failed, crashed)
       SELECT $1::uuid, x.minute, x."agentId", x.environment, $2::uuid, ${saturatingSumSql("x.ok")}, ${saturatingSumSql("x.failed")}, ${saturatingSumSql("x.crashed")}
       FROM x GROUP BY x.minute, x."agentId", x.environment
       ORDER BY 2, 3, 4
       ON CONFLICT ("projectId", minute, "agentId", environment) DO UPDATE SET
         ok = ${saturatingAddSql(`"ExecutionMinute".ok`, "excluded.ok")},
         failed = ${saturatingAddSql(`"ExecutionMinute".failed`, "excluded.failed")},
         crashed = ${saturatingAddSql(`"ExecutionMinute".crashed`, "excluded.crashed")}
     ), per_hour AS (
       INSERT INTO "ExecutionHourly" ("projectId", hour, "agentId", environment, "workspaceId", ok, failed, crashed)
       SELECT $1::uuid, date_bin('1 hour', x.minute, TIMESTAMPTZ 'epoch'), x."agentId", x.environment, $2::uuid, ${saturatingSumSql("x.ok")}, ${saturatingSumSql("x.failed")}, ${saturatingSumSql("x.crashed")}
       FROM x GROUP BY 2, 3, 4
       ORDER BY 2, 3, 4
       ON CONFLICT ("projectId", hour, "agentId", environment) DO UPDATE SET
         ok = ${saturatingAddSql(`"ExecutionHourly".ok`, "excluded.ok")},
         failed = ${saturatingAddSql(`"ExecutionHourly".failed`, "excluded.failed")},
         crashed = ${saturatingAddSql(`"ExecutionHourly".crashed`, "excluded.crashed")}
     )
     INSERT INTO "ExecutionDaily" ("projectId", day, "agentId", environment, "workspaceId", ok, failed, crashed)
     SELECT $1::uuid, (x.minute AT TIME ZONE 'UTC')::date, x."agentId", x.environment, $2::uuid, ${saturatingSumSql("x.ok")}, ${saturatingSumSql("x.failed")}, ${saturatingSumSql("x.crashed")}
     FROM x GROUP BY 2, 3, 4
     ORDER BY 2, 3, 4
     ON CONFLICT ("projectId", day, "agentId", environment) DO UPDATE SET
       ok = ${saturatingAddSql(`"ExecutionDaily".ok`, "excluded.ok")},
       failed = ${saturatingAddSql(`"ExecutionDaily".failed`, "excluded.failed")},
       crashed = ${saturatingAddSql(`"ExecutionDaily".crashed`, "excluded.crashed")}`,
    [target.projectId, target.workspaceId, JSON.stringify(rows)],
  );
  noteWorkspaceWrite(target.workspaceId);
}

/**
 * Moves counts already added between columns (a release-health session counted ok that saw an error
 * later: −1 ok, +1 failed) in the per-minute, per-hour and per-day rows that hold them, in one
 * statement on `db`. Rows retention already took stay gone; no count goes below 0.
 */
export async function moveExecutions(target: { workspaceId: string; projectId: string }, moves: ExecutionDelta[], db: pg.Pool | pg.PoolClient = pool()): Promise<void> {
  if (moves.length === 0) return;
  const rows = executionRows(moves);
  const set = (alias: string) =>
    `ok = ${boundedAddSql(`${alias}.ok`, "x.ok")}, failed = ${boundedAddSql(`${alias}.failed`, "x.failed")}, crashed = ${boundedAddSql(`${alias}.crashed`, "x.crashed")}`;
  await db.query(
    `WITH x AS (
       SELECT x.minute, x."agentId", x.environment, sum(x.ok) AS ok, sum(x.failed) AS failed, sum(x.crashed) AS crashed
       FROM jsonb_to_recordset($2::jsonb) AS x(minute timestamptz, "agentId" text, environment text, ok int, failed int, crashed int)
       GROUP BY 1, 2, 3
     ), per_minute AS (
       UPDATE "ExecutionMinute" m SET ${set("m")} FROM x
       WHERE m."projectId" = $1::uuid AND m.minute = x.minute AND m."agentId" = x."agentId" AND m.environment = x.environment
     ), per_hour AS (
       UPDATE "ExecutionHourly" h SET ${set("h")}
       FROM (SELECT date_bin('1 hour', minute, TIMESTAMPTZ 'epoch') AS hour, "agentId", environment, sum(ok) AS ok, sum(failed) AS failed, sum(crashed) AS crashed FROM x GROUP BY 1, 2, 3) x
       WHERE h."projectId" = $1::uuid AND h.hour = x.hour AND h."agentId" = x."agentId" AND h.environment = x.environment
     )
     UPDATE "ExecutionDaily" d SET ${set("d")}
     FROM (SELECT (minute AT TIME ZONE 'UTC')::date AS day, "agentId", environment, sum(ok) AS ok, sum(failed) AS failed, sum(crashed) AS crashed FROM x GROUP BY 1, 2, 3) x
     WHERE d."projectId" = $1::uuid AND d.day = x.day AND d."agentId" = x."agentId" AND d.environment = x.environment`,
    [target.projectId, JSON.stringify(rows)],
  );
  noteWorkspaceWrite(target.workspaceId);
}

export function truncateToMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** Deltas as the statements' JSON rows: the minute truncated, no agent or environment as "". */
function executionRows(deltas: ExecutionDelta[]) {
  return deltas.map((d) => ({
    minute: truncateToMinute(d.minute).toISOString(),
    agentId: d.agentId ?? "",
    environment: d.environment ?? "",
    ok: d.ok,
    failed: d.failed,
    crashed: d.crashed ?? 0,
  }));
}

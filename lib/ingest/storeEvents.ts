import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";

export interface StoreTarget {
  workspaceId: string;
  projectId: string;
}

export interface StoredEvent {
  eventId: string;
  groupId: string;
  /** True when an event with this id was already stored: it was not counted again. */
  duplicate: boolean;
}

export interface StoreOutcome {
  results: StoredEvent[];
  newGroupIds: string[];
  regressedGroupIds: string[];
}

/**
 * Stores a batch of prepared events in ONE transaction: groups upserted (rows locked in fingerprint
 * order so concurrent batches cannot deadlock), occurrences inserted idempotently on
 * (projectId, eventId), then counters, distinct users/agents, cascade links, hourly rollups and the
 * regression audit entries. When this resolves, everything is committed.
 */
export async function storeEvents(target: StoreTarget, events: PreparedEvent[]): Promise<StoreOutcome> {
  if (events.length === 0) return { results: [], newGroupIds: [], regressedGroupIds: [] };
  return withTransaction(async (client) => {
    const groups = await upsertGroups(client, target, events);
    const occurrenceRows = events.map((event) => ({
      ...occurrenceRow(event),
      id: uuidv7(event.occurredAt.getTime()),
      groupId: groups.get(event.fingerprint)!.id,
    }));
    const inserted = await insertOccurrences(client, target, occurrenceRows);
    const accepted = occurrenceRows.filter((row) => inserted.has(row.id));

    const regressed = [...groups.values()].filter(
      (g) => g.status === "resolved" && accepted.some((row) => row.groupId === g.id),
    );
    if (accepted.length > 0) {
      await updateGroupCounters(client, accepted);
      await addDistinct(client, "ErrorGroupUser", "userId", "usersAffected", accepted.map((r) => [r.groupId, r.userId, r.occurredAt]));
      await addDistinct(client, "ErrorGroupAgent", "agentId", "agentsAffected", accepted.map((r) => [r.groupId, r.agentId, r.occurredAt]));
      await linkParents(client, target.projectId, accepted);
      await upsertHourly(client, target, accepted);
      await auditRegressions(client, target.workspaceId, regressed.map((g) => g.id));
    }

    return {
      results: occurrenceRows.map((row) => ({ eventId: row.eventId, groupId: row.groupId, duplicate: !inserted.has(row.id) })),
      newGroupIds: [...groups.values()].filter((g) => g.inserted).map((g) => g.id),
      regressedGroupIds: regressed.map((g) => g.id),
    };
  });
}

interface GroupRow {
  id: string;
  fingerprint: string;
  status: string;
  inserted: boolean;
}

async function upsertGroups(client: pg.PoolClient, target: StoreTarget, events: PreparedEvent[]): Promise<Map<string, GroupRow>> {
  const firstByFingerprint = new Map<string, PreparedEvent>();
  for (const event of events) if (!firstByFingerprint.has(event.fingerprint)) firstByFingerprint.set(event.fingerprint, event);
  const rows = [...firstByFingerprint.values()]
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1))
    .map((e) => ({
      id: uuidv7(),
      fingerprint: e.fingerprint,
      type: e.type,
      message: e.message,
      severity: e.severity,
      category: e.category,
      source: e.source,
      platform: e.platform,
      at: e.occurredAt.toISOString(),
      stackTrace: e.stackTrace,
      frames: e.frames,
      context: contextOf(e),
    }));
  // New groups start at count 0 and first/last seen at their first event; updateGroupCounters adds
  // what was actually accepted. DO UPDATE (not DO NOTHING) so existing rows are returned and locked.
  const { rows: result } = await client.query<GroupRow>(
    `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source,
       platform, "firstSeen", "lastSeen", "stackTrace", frames, context, "updatedAt")
     SELECT x.id, $1::uuid, $2::uuid, x.fingerprint, x.type, x.message, x.severity::"Severity", x.category, x.source,
       x.platform, x.at, x.at, x."stackTrace", x.frames, x.context, now()
     FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, fingerprint text, type text, message text, severity text,
       category text, source text, platform text, at timestamptz, "stackTrace" text, frames jsonb, context jsonb)
     ORDER BY x.fingerprint
     ON CONFLICT ("projectId", fingerprint) DO UPDATE SET "updatedAt" = now()
     RETURNING id, fingerprint, status::text AS status, (xmax = 0) AS inserted`,
    [target.workspaceId, target.projectId, JSON.stringify(rows)],
  );
  return new Map(result.map((row) => [row.fingerprint, row]));
}

function contextOf(event: PreparedEvent): Record<string, unknown> {
  return {
    environment: event.environment,
    release: event.release,
    userId: event.userId,
    agentId: event.agentId,
    runId: event.runId,
    tags: event.tags,
    metadata: event.metadata,
  };
}

function occurrenceRow(e: PreparedEvent) {
  return {
    eventId: e.eventId,
    occurredAt: e.occurredAt.toISOString(),
    severity: e.severity,
    message: e.message,
    stackTrace: e.stackTrace,
    userId: e.userId,
    agentId: e.agentId,
    runId: e.runId,
    environment: e.environment,
    release: e.release,
    tags: e.tags,
    metadata: e.metadata,
    parentEventId: e.parentEventId,
    creditsLost: e.creditsLost,
    executionsAffected: e.executionsAffected,
    recovered: e.recovered,
    recoveryMethod: e.recoveryMethod,
    recoveryDurationMs: e.recoveryDurationMs,
    recoveryAutomatic: e.recoveryAutomatic,
  };
}

type OccurrenceRow = ReturnType<typeof occurrenceRow> & { id: string; groupId: string };

async function insertOccurrences(client: pg.PoolClient, target: StoreTarget, rows: OccurrenceRow[]): Promise<Set<string>> {
  const { rows: inserted } = await client.query<{ id: string }>(
    `INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", severity, message,
       "stackTrace", "userId", "agentId", "runId", environment, release, tags, metadata, "parentEventId",
       "creditsLost", "executionsAffected", recovered, "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic")
     SELECT x.id, x."groupId", $1::uuid, $2::uuid, x."eventId", x."occurredAt", x.severity::"Severity", x.message,
       x."stackTrace", x."userId", x."agentId", x."runId", x.environment, x.release, x.tags, x.metadata, x."parentEventId",
       x."creditsLost", x."executionsAffected", x.recovered, x."recoveryMethod", x."recoveryDurationMs", x."recoveryAutomatic"
     FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, "groupId" uuid, "eventId" text, "occurredAt" timestamptz,
       severity text, message text, "stackTrace" text, "userId" text, "agentId" text, "runId" text, environment text,
       release text, tags jsonb, metadata jsonb, "parentEventId" text, "creditsLost" numeric, "executionsAffected" int,
       recovered boolean, "recoveryMethod" text, "recoveryDurationMs" int, "recoveryAutomatic" boolean)
     ON CONFLICT ("projectId", "eventId") DO NOTHING
     RETURNING id`,
    [target.projectId, target.workspaceId, JSON.stringify(rows)],
  );
  return new Set(inserted.map((row) => row.id));
}

async function updateGroupCounters(client: pg.PoolClient, accepted: OccurrenceRow[]): Promise<void> {
  await client.query(
    `UPDATE "ErrorGroup" g SET
       "occurrenceCount" = g."occurrenceCount" + a.n,
       "firstSeen" = LEAST(g."firstSeen", a.first),
       "lastSeen" = GREATEST(g."lastSeen", a.last),
       "creditsLost" = g."creditsLost" + a.credits,
       "executionsAffected" = g."executionsAffected" + a.executions,
       status = CASE WHEN g.status = 'resolved' THEN 'new'::"ErrorStatus" ELSE g.status END,
       "regressedAt" = CASE WHEN g.status = 'resolved' THEN now() ELSE g."regressedAt" END,
       "updatedAt" = now()
     FROM (
       SELECT x."groupId", count(*)::int AS n, min(x."occurredAt") AS first, max(x."occurredAt") AS last,
         sum(x."creditsLost") AS credits, sum(x."executionsAffected")::int AS executions
       FROM jsonb_to_recordset($1::jsonb) AS x("groupId" uuid, "occurredAt" timestamptz, "creditsLost" numeric, "executionsAffected" int)
       GROUP BY x."groupId"
     ) a
     WHERE g.id = a."groupId"`,
    [JSON.stringify(accepted.map((r) => ({ groupId: r.groupId, occurredAt: r.occurredAt, creditsLost: r.creditsLost, executionsAffected: r.executionsAffected })))],
  );
}

/** Exact distinct users/agents: a keyed set table; the counter grows only by rows actually inserted. */
async function addDistinct(
  client: pg.PoolClient,
  table: "ErrorGroupUser" | "ErrorGroupAgent",
  column: "userId" | "agentId",
  counter: "usersAffected" | "agentsAffected",
  pairs: [string, string | null, string][],
): Promise<void> {
  const rows = pairs.filter(([, id]) => id !== null).map(([groupId, id, at]) => ({ groupId, id, at }));
  if (rows.length === 0) return;
  await client.query(
    `WITH added AS (
       INSERT INTO "${table}" ("groupId", "${column}", "firstSeen")
       SELECT DISTINCT ON (x."groupId", x.id) x."groupId", x.id, x.at
       FROM jsonb_to_recordset($1::jsonb) AS x("groupId" uuid, id text, at timestamptz)
       ORDER BY x."groupId", x.id, x.at
       ON CONFLICT DO NOTHING
       RETURNING "groupId"
     )
     UPDATE "ErrorGroup" g SET "${counter}" = g."${counter}" + a.n
     FROM (SELECT "groupId", count(*)::int AS n FROM added GROUP BY "groupId") a
     WHERE g.id = a."groupId"`,
    [JSON.stringify(rows)],
  );
}

/** Resolves parentEventId to the parent occurrence (earlier or same batch) and counts the cascade on the parent's group. */
async function linkParents(client: pg.PoolClient, projectId: string, accepted: OccurrenceRow[]): Promise<void> {
  const children = accepted.filter((r) => r.parentEventId).map((r) => ({ id: r.id, parentEventId: r.parentEventId }));
  if (children.length === 0) return;
  await client.query(
    `WITH linked AS (
       UPDATE "ErrorOccurrence" o SET "parentOccurrenceId" = p.id
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, "parentEventId" text)
       JOIN "ErrorOccurrence" p ON p."projectId" = $1::uuid AND p."eventId" = x."parentEventId"
       WHERE o.id = x.id
       RETURNING p."groupId" AS "parentGroupId"
     )
     UPDATE "ErrorGroup" g SET "cascadingFailures" = g."cascadingFailures" + l.n
     FROM (SELECT "parentGroupId", count(*)::int AS n FROM linked GROUP BY "parentGroupId") l
     WHERE g.id = l."parentGroupId"`,
    [projectId, JSON.stringify(children)],
  );
}

async function upsertHourly(client: pg.PoolClient, target: StoreTarget, accepted: OccurrenceRow[]): Promise<void> {
  await client.query(
    `INSERT INTO "ErrorHourly" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count)
     SELECT x."groupId", date_trunc('hour', x."occurredAt"), coalesce(x.environment, ''), $1::uuid, $2::uuid,
       g.severity, count(*)::int
     FROM jsonb_to_recordset($3::jsonb) AS x("groupId" uuid, "occurredAt" timestamptz, environment text)
     JOIN "ErrorGroup" g ON g.id = x."groupId"
     GROUP BY 1, 2, 3, g.severity
     ORDER BY 1, 2, 3
     ON CONFLICT ("groupId", bucket, environment) DO UPDATE SET count = "ErrorHourly".count + excluded.count`,
    [target.workspaceId, target.projectId, JSON.stringify(accepted.map((r) => ({ groupId: r.groupId, occurredAt: r.occurredAt, environment: r.environment })))],
  );
}

async function auditRegressions(client: pg.PoolClient, workspaceId: string, groupIds: string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await client.query(
    `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
     SELECT x.id, $1::uuid, NULL, 'system', 'error.regressed', 'error', x."groupId",
       '{"status":"resolved"}'::jsonb, '{"status":"new"}'::jsonb
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, "groupId" text)`,
    [workspaceId, JSON.stringify(groupIds.map((groupId) => ({ id: uuidv7(), groupId })))],
  );
}

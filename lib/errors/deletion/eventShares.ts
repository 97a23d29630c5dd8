import type pg from "pg";

/**
 * Deleting stored events one batch at a time, each batch one transaction: its occurrences are
 * deleted into the temp table purged_events (takeOccurrences), then what was counted of each of them
 * without its issue's id is subtracted (subtractEventShares), then what is kept per event id is
 * deleted (deleteEventCompanions). A batch commits whole or not at all, so an interrupted deletion
 * resumes without counting anything twice: what is subtracted is what that transaction deleted.
 */

const COLUMNS = `"workspaceId" uuid, "projectId" uuid NOT NULL, "groupId" uuid, "eventId" text NOT NULL, "occurredAt" timestamptz, environment text,
  "userId" text, "agentId" text, release text, tags jsonb, fingerprint text, "parentEventId" text, "creditsLost" numeric, "executionsAffected" int,
  recovered boolean, "recoveryMethod" text, "recoveryAutomatic" boolean, "recoveryDurationMs" int`;

/** The batch's temp table (dropped at commit). */
export async function createPurgedEvents(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TEMP TABLE purged_events (${COLUMNS}) ON COMMIT DROP`);
}

/**
 * Deletes the occurrences `pick` selects (a query yielding id and "occurredAt": the partition key)
 * into purged_events; returns how many went. Call createPurgedEvents first.
 */
export async function takeOccurrences(client: pg.PoolClient, pick: string, values: unknown[]): Promise<number> {
  const { rowCount } = await client.query(
    `WITH gone AS (
       DELETE FROM "ErrorOccurrence" WHERE (id, "occurredAt") IN (${pick})
       RETURNING "workspaceId", "projectId", "groupId", "eventId", "occurredAt", coalesce(environment, '') AS environment, "userId", "agentId", release, tags,
         fingerprint, "parentEventId", "creditsLost", "executionsAffected", recovered, "recoveryMethod", "recoveryAutomatic", "recoveryDurationMs"
     )
     INSERT INTO purged_events SELECT * FROM gone`,
    values,
  );
  return rowCount ?? 0;
}

/**
 * The release an event counted under in the release page's daily events (ReleaseDaily): its
 * `release:` tag as lib/ingest/eventTags.ts derives it — the event's release, else its own tag
 * named release — trimmed and cut to 200 characters.
 */
export const RELEASE_TAG_SQL = `coalesce(
  nullif(left(regexp_replace(e.release, '^[[:space:]]+|[[:space:]]+$', '', 'g'), 200), ''),
  CASE WHEN jsonb_typeof(e.tags -> 'release') IN ('string', 'number', 'boolean')
    THEN nullif(left(regexp_replace(e.tags ->> 'release', '^[[:space:]]+|[[:space:]]+$', '', 'g'), 200), '') END)`;

/**
 * What the batch's deleted occurrences counted where no issue id is kept, subtracted as the write
 * added it (lib/ingest/storeEvents.ts, lib/analytics/actors/foldActorCounts.ts), under their issue's
 * severity: their users and agents (ActorCount per hour, day and week, ActorFiveMinute, UserDaily,
 * UserWeekly, AgentDaily), their recovery outcomes (RecoveryDaily, RecoveryDurationDaily) and their
 * release's daily events (ReleaseDaily). An event whose per-actor count is still pending (not folded
 * yet) gets its −1 now and its +1 from the fold: sums, in any order. Events never stored (spike
 * protection) or past retention are not in the batch: their share of these stays, as a merge leaves
 * their old severity label (docs/metrics.md).
 */
export async function subtractEventShares(client: pg.PoolClient): Promise<void> {
  const events = `SELECT e.*, g.severity FROM purged_events e JOIN "ErrorGroup" g ON g.id = e."groupId" WHERE e."occurredAt" IS NOT NULL`;
  await client.query(`CREATE TEMP TABLE purged_actors ON COMMIT DROP AS
    SELECT e."workspaceId", e."projectId", a.kind, a.id, e.environment, e.severity, date_bin('5 minutes', e."occurredAt", TIMESTAMPTZ 'epoch') AS bucket, count(*)::int AS n
    FROM (${events}) e CROSS JOIN LATERAL (VALUES ('user', e."userId"), ('agent', e."agentId")) AS a(kind, id)
    WHERE a.id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  await client.query(
    `INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count)
     SELECT "workspaceId", kind, s.span, date_bin(make_interval(mins => s.span), bucket, TIMESTAMPTZ '2000-01-03 00:00:00+00'), id, "projectId", environment, severity, -sum(n)::int
     FROM purged_actors CROSS JOIN (VALUES (60), (1440), (10080)) AS s(span)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
     ON CONFLICT ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity) DO UPDATE SET count = "ActorCount".count + excluded.count`,
  );
  await client.query(
    `INSERT INTO "ActorFiveMinute" ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity, count)
     SELECT "workspaceId", kind, bucket, id, "projectId", environment, severity, -n FROM purged_actors ORDER BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity) DO UPDATE SET count = "ActorFiveMinute".count + excluded.count`,
  );
  await client.query(
    `INSERT INTO "UserDaily" ("workspaceId", "projectId", day, "userId", count)
     SELECT "workspaceId", "projectId", (bucket AT TIME ZONE 'UTC')::date, id, -sum(n)::int FROM purged_actors WHERE kind = 'user'
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("workspaceId", "projectId", day, "userId") DO UPDATE SET count = "UserDaily".count + excluded.count`,
  );
  await client.query(
    `INSERT INTO "UserWeekly" ("workspaceId", "projectId", week, "userId", count)
     SELECT "workspaceId", "projectId", d - (extract(isodow FROM d)::int - 1), id, -sum(n)::int
     FROM (SELECT "workspaceId", "projectId", (bucket AT TIME ZONE 'UTC')::date AS d, id, n FROM purged_actors WHERE kind = 'user') x
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("workspaceId", "projectId", week, "userId") DO UPDATE SET count = "UserWeekly".count + excluded.count`,
  );
  await client.query(
    `INSERT INTO "AgentDaily" ("workspaceId", "projectId", day, "agentId", count)
     SELECT "workspaceId", "projectId", (bucket AT TIME ZONE 'UTC')::date, id, -sum(n)::int FROM purged_actors WHERE kind = 'agent'
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("workspaceId", "projectId", day, "agentId") DO UPDATE SET count = "AgentDaily".count + excluded.count`,
  );
  await client.query(`DROP TABLE purged_actors`);

  const recovery = `SELECT e."workspaceId", (e."occurredAt" AT TIME ZONE 'UTC')::date AS day, e."projectId", e.environment, e.severity,
      coalesce(e."recoveryMethod", '') AS method, e.recovered, e."recoveryAutomatic" IS DISTINCT FROM false AS automatic, e."recoveryDurationMs" AS ms
    FROM (${events}) e WHERE e.recovered IS NOT NULL`;
  await client.query(
    `INSERT INTO "RecoveryDaily" ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic, count, "durationSumMs", "durationCount")
     SELECT "workspaceId", day, "projectId", environment, severity, method, recovered, automatic, -count(*)::int, -coalesce(sum(ms), 0), -count(ms)::int
     FROM (${recovery}) r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
     ON CONFLICT ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic) DO UPDATE SET
       count = "RecoveryDaily".count + excluded.count,
       "durationSumMs" = "RecoveryDaily"."durationSumMs" + excluded."durationSumMs",
       "durationCount" = "RecoveryDaily"."durationCount" + excluded."durationCount"`,
  );
  await client.query(
    `INSERT INTO "RecoveryDurationDaily" ("workspaceId", day, "projectId", environment, severity, "durationMs", count)
     SELECT "workspaceId", day, "projectId", environment, severity, faultline_recovery_ms(ms), -count(*)::int
     FROM (${recovery}) r WHERE recovered AND automatic AND ms IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT ("workspaceId", day, "projectId", environment, severity, "durationMs") DO UPDATE SET count = "RecoveryDurationDaily".count + excluded.count`,
  );
  await client.query(
    `INSERT INTO "ReleaseDaily" ("workspaceId", release, day, "projectId", shard, events)
     SELECT "workspaceId", release, day, "projectId", 0, -count(*)::int
     FROM (SELECT e."workspaceId", ${RELEASE_TAG_SQL} AS release, (e."occurredAt" AT TIME ZONE 'UTC')::date AS day, e."projectId" FROM purged_events e WHERE e."occurredAt" IS NOT NULL) r
     WHERE release IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("workspaceId", release, day, "projectId", shard) DO UPDATE SET events = "ReleaseDaily".events + excluded.events`,
  );
}

/**
 * What is kept per event id for the batch's events, deleted: their ids (ErrorEventId: a retry of one
 * would be taken as a new event), their attachments, the user feedback about them (with the files
 * sent with that feedback) and their forwarded copies. Returns rows deleted per table.
 */
export async function deleteEventCompanions(client: pg.PoolClient): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  const run = async (table: string, sql: string) => {
    const { rowCount } = await client.query(sql);
    if (rowCount) deleted[table] = (deleted[table] ?? 0) + rowCount;
  };
  await run("ErrorEventId", `DELETE FROM "ErrorEventId" i USING purged_events e WHERE i."projectId" = e."projectId" AND i."eventId" = e."eventId"`);
  const { rows: feedback } = await client.query<{ projectId: string; eventId: string }>(
    `DELETE FROM "UserFeedback" f USING purged_events e WHERE f."projectId" = e."projectId" AND f."eventId" = e."eventId"
     RETURNING f."projectId", CASE WHEN f.source = 'feedback' THEN f.key END AS "eventId"`,
  );
  if (feedback.length) deleted.UserFeedback = feedback.length;
  // A feedback event's own files (the widget's screenshot) are kept under its own event id.
  const feedbackEvents = feedback.filter((f) => f.eventId !== null);
  if (feedbackEvents.length) {
    await client.query(`INSERT INTO purged_events ("projectId", "eventId") SELECT x."projectId", x."eventId" FROM jsonb_to_recordset($1::jsonb) AS x("projectId" uuid, "eventId" text)`, [
      JSON.stringify(feedbackEvents),
    ]);
  }
  await run("EventAttachment", `DELETE FROM "EventAttachment" a USING purged_events e WHERE a."projectId" = e."projectId" AND a."eventId" = e."eventId"`);
  await run(
    "ForwardingDelivery",
    `DELETE FROM "ForwardingDelivery" d USING purged_events e, "ForwardingRule" r WHERE r."projectId" = e."projectId" AND d."ruleId" = r.id AND d."eventId" = e."eventId"`,
  );
  return deleted;
}

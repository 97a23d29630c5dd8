import { createHash, randomInt } from "node:crypto";
import type pg from "pg";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { withBundledTransaction, type BundledTransaction } from "@/lib/db/bundledTransaction";
import { env } from "@/lib/env";
import { ingestPool, retryOnDeadlock } from "@/lib/db/pool";
import { saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { inSample } from "@/lib/ingest/eventSample";
import { sourceContextOf } from "@/lib/ingest/sourceContext";
import { eventTags } from "@/lib/ingest/eventTags";
import { groupContextOf } from "@/lib/ingest/groupContext";
import { answerBatch, firstIndexOfEventId, withDroppedAnswers } from "@/lib/ingest/repeatedEventIds";
import { summarizeForAlerts, writeAlertOutbox } from "@/lib/ingest/alertOutbox";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { lockGroupingShared } from "@/lib/grouping/store/projectWriteLock";
import { resolveGroups, saveLegacyAliases } from "@/lib/grouping/store/resolveGroups";
import { ensureOccurrencePartitions, forgetOccurrencePartitions, isMissingPartition } from "@/lib/db/partitions/occurrencePartitions";

export interface StoreTarget {
  workspaceId: string;
  projectId: string;
}

export interface StoredEvent {
  eventId: string;
  /** Where the event is stored; for a duplicate, where the copy that was stored is (when known). */
  groupId: string;
  /**
   * True when an event with this id was already stored, before or earlier in the same batch (the
   * batch's first copy of an id is the one written): it was not stored or counted again.
   */
  duplicate: boolean;
  /** Counted in every total but its occurrence not kept (spike protection, per-issue cap); absent when kept. */
  sampled?: true;
}

export interface StoreOutcome {
  results: StoredEvent[];
  newGroupIds: string[];
  regressedGroupIds: string[];
  /** Groups that are ignored with a condition or resolved in the next release: they may have to reopen now. */
  conditionalGroupIds?: string[];
  /** The AlertOutbox row written in the same transaction (absent when nothing new was stored). */
  outboxId?: string;
  /** True when the events went to the local spool (PostgreSQL unavailable): stored on replay. */
  spooled?: boolean;
  /**
   * True when nothing was written because the project is being deleted or is gone (its events got
   * past a key cache that had not heard yet): `results` is empty, and the door answers as it would
   * for a revoked key or an unknown project. The transaction's other projects are written as usual.
   */
  projectGone?: true;
}

export interface StoreOptions {
  /** Per event (same order): false counts it in every total but does not keep its occurrence (spike protection). */
  store?: boolean[];
  /**
   * The project's per-issue cap: once an issue has `maxEvents` stored occurrences, an event is kept
   * only when it is in the 1-in-`keepOneIn` sample (by event id) or is the batch's newest of its issue
   * (the retention job trims older "newest" ones: lib/lifecycle/trimCappedIssues.ts).
   */
  issueCap?: { maxEvents: number; keepOneIn: number } | null;
}

/**
 * Stores a batch of prepared events in ONE transaction: the project's grouping lock (shared), one
 * query resolving where each fingerprint leads, then one write statement that does the bulk of the
 * work in one round trip: event ids claimed idempotently per project (ErrorEventId), occurrences
 * inserted into their day's partition, the distinct user/agent sets, their groups upserted with the
 * counters of what was actually accepted (rows locked in fingerprint order, so concurrent batches
 * cannot deadlock), hourly/daily/weekly rollups, the events' per-user/agent counts as ActorPending
 * rows (folded into their rollups after the commit: lib/analytics/actors/foldActorCounts.ts), the regression audit entries, and for events
 * whose fingerprint is not their group's own the per-fingerprint counts an unmerge moves (GroupFingerprintCount…; docs/grouping.md)
 * (plus legacy aliases and parent links when there are any). New group ids are derived from (project,
 * fingerprint), so occurrences can reference their group before it exists within the statement
 * (foreign keys are checked at statement end). When this resolves, everything is committed.
 */
export async function storeEvents(target: StoreTarget, events: PreparedEvent[], options: StoreOptions = {}): Promise<StoreOutcome> {
  if (events.length === 0) return { results: [], newGroupIds: [], regressedGroupIds: [], conditionalGroupIds: [] };
  const outcome = await runStore(events, (tx) => writeEvents(tx, target, events, options));
  noteStored(target, outcome);
  return outcome;
}

/**
 * Runs a store's statements in one transaction on an ingest connection (lib/db/pool.ts ingestPool):
 * the day partitions of the events are made sure of first. Re-run when PostgreSQL aborts it to break
 * a deadlock, or on unique_violation: two transactions creating the same new group race on its
 * primary key (the upsert's arbiter is (projectId, fingerprint)); the retry finds the group and
 * updates it. Once more when a partition this instance thought existed was dropped by retention.
 */
export async function runStore<T>(events: PreparedEvent[], fn: (tx: BundledTransaction) => Promise<T>): Promise<T> {
  const days = events.map((e) => e.occurredAt.toISOString().slice(0, 10));
  await ensureOccurrencePartitions(days);
  const attempt = () => retryOnDeadlock(() => withBundledTransaction(fn, ingestPool(), env().INGEST_DB_TIMEOUT_MS), 4, [UNIQUE_VIOLATION]);
  return attempt().catch(async (error) => {
    if (!isMissingPartition(error)) throw error;
    forgetOccurrencePartitions();
    await ensureOccurrencePartitions(days);
    return attempt();
  });
}

/** Committed: views this instance cached for the workspace no longer hold (call before anyone hears 2xx). */
export function noteStored(target: StoreTarget, outcome: StoreOutcome): void {
  if (outcome.results.some((r) => !r.duplicate)) noteWorkspaceWrite(target.workspaceId);
}

/**
 * The statements of storeEvents inside the caller's transaction (group commit writes several
 * projects in one): the project's grouping lock taken shared (merges and unmerges take it
 * exclusively, so an event never lands in a group being folded away) and whether the project still
 * takes events (not once its deletion began: then nothing is written, `projectGone`), where each fingerprint leads
 * (lib/grouping/store/resolveGroups.ts: redirects, the previous and legacy fingerprints of upgrades;
 * nowhere for an issue being deleted, whose events are dropped), the
 * write statement, legacy aliases and parent links when there are any, and the immediate-alert
 * outbox row of what was stored. The lock travels with the transaction's BEGIN and the outbox row
 * with its COMMIT (lib/db/bundledTransaction.ts): three round trips for the common batch.
 */
export async function writeEvents(tx: BundledTransaction, target: StoreTarget, events: PreparedEvent[], options: StoreOptions = {}): Promise<StoreOutcome> {
  if (events.length === 0) return { results: [], newGroupIds: [], regressedGroupIds: [], conditionalGroupIds: [] };
  if (!(await lockGroupingShared(tx, target.projectId))) return { results: [], newGroupIds: [], regressedGroupIds: [], conditionalGroupIds: [], projectGone: true };
  const resolution = await resolveGroups(tx.client, target.projectId, events);
  if (resolution.deleting.size === 0) return writeResolved(tx, target, events, resolution, options);
  // Events of an issue being deleted (lib/errors/deletion) are not written: answered as not stored
  // (duplicate: nothing forwarded, alerted or counted), in the batch's order with the others.
  const doomed = events.map((event) => resolution.deleting.get(event.fingerprint));
  const kept = events.filter((_, i) => doomed[i] === undefined);
  const outcome = kept.length
    ? await writeResolved(tx, target, kept, resolution, { ...options, store: options.store?.filter((_, i) => doomed[i] === undefined) })
    : { results: [], newGroupIds: [], regressedGroupIds: [], conditionalGroupIds: [] };
  return { ...outcome, results: withDroppedAnswers(events, doomed, outcome.results) };
}

/** writeEvents once the batch's fingerprints are resolved (none of them to an issue being deleted). */
async function writeResolved(
  tx: BundledTransaction,
  target: StoreTarget,
  events: PreparedEvent[],
  resolution: Awaited<ReturnType<typeof resolveGroups>>,
  options: StoreOptions,
): Promise<StoreOutcome> {
  const client = tx.client;
  const groupOf = (event: PreparedEvent) =>
    resolution.byFingerprint.get(event.fingerprint) ?? { id: groupIdFor(target.projectId, event.fingerprint), fingerprint: event.fingerprint, tracksOwnActors: false };
  // An event id repeated inside the batch: only its first copy is written (lib/ingest/repeatedEventIds.ts).
  const firstIndex = firstIndexOfEventId(events);
  const firstCopies = events.flatMap((event, i) => (firstIndex[i] === i ? [{ event, i }] : []));
  const groups = groupRows(firstCopies.map((c) => c.event), groupOf);
  const occurrences = firstCopies
    .map(({ event, i }) => {
      const group = groupOf(event);
      // Not its issue's own fingerprint (merged in, a grouping upgrade's): counted per fingerprint too, for unmerge.
      const otherFingerprint = group.fingerprint !== event.fingerprint;
      return {
        ...occurrenceRow(event),
        id: uuidv7(event.occurredAt.getTime()),
        groupId: group.id,
        keep: options.store?.[i] ?? true,
        capSample: options.issueCap ? inSample(event.eventId, options.issueCap.keepOneIn) : false,
        otherFingerprint,
        trackActors: otherFingerprint || group.tracksOwnActors,
      };
    })
    // Sorted so two batches carrying the same retried event ids wait on each other in one order.
    .sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));

  const outcome = await writeBatch(client, target, groups, occurrences, events, options.issueCap?.maxEvents ?? null);
  await saveLegacyAliases(client, target.projectId, resolution.legacyAliases);
  const accepted = new Set(outcome.inserted);
  const sampledEventIds = new Set(outcome.sampled);
  await linkParents(
    client,
    target,
    occurrences.filter((o) => o.parentEventId && accepted.has(o.id)).map((o) => ({ ...o, store: !sampledEventIds.has(o.eventId) })),
  );

  const stored: StoreOutcome = {
    results: answerBatch(events, firstIndex, {
      groupOf: (i) => groupOf(events[i]).id,
      inserted: new Set(occurrences.filter((o) => accepted.has(o.id)).map((o) => o.eventId)),
      sampled: sampledEventIds,
      storedGroupOf: new Map(Object.entries(outcome.storedGroups)),
    }),
    newGroupIds: outcome.groups.filter((g) => g.inserted).map((g) => g.id),
    regressedGroupIds: outcome.groups.filter((g) => g.regressed).map((g) => g.id),
    conditionalGroupIds: outcome.groups.filter((g) => g.conditional).map((g) => g.id),
  };
  // The immediate-alert outbox row commits with the events (lib/alerts consumes it after commit;
  // the alert-outbox job evaluates it if this instance dies first).
  const forAlerts = summarizeForAlerts(target, events, stored.results, stored.newGroupIds, stored.regressedGroupIds);
  if (forAlerts) stored.outboxId = writeAlertOutbox(tx, forAlerts);
  return stored;
}

/** Group ids are a function of (project, fingerprint): UUID-formatted SHA-256, version nibble 8 (custom). */
export function groupIdFor(projectId: string, fingerprint: string): string {
  const hex = createHash("sha256").update(`${projectId}:${fingerprint}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One row per group the batch touches, from its first event (used only when the group is new), and
 * the release of its earliest event with one (`release`, occurred at `releaseAt`): events arrive out
 * of order (an SDK's offline queue, a slow batch), so the batch's first is not always its earliest.
 */
function groupRows(events: PreparedEvent[], groupOf: (event: PreparedEvent) => { id: string; fingerprint: string }) {
  const firstByGroup = new Map<string, { event: PreparedEvent; fingerprint: string; released: PreparedEvent | null }>();
  for (const event of events) {
    const group = groupOf(event);
    const seen = firstByGroup.get(group.id);
    if (!seen) firstByGroup.set(group.id, { event, fingerprint: group.fingerprint, released: event.release ? event : null });
    else if (event.release && (!seen.released || event.occurredAt < seen.released.occurredAt)) seen.released = event;
  }
  return [...firstByGroup].map(([id, { event: e, fingerprint, released }]) => ({
    id,
    fingerprint,
    type: e.type,
    message: e.message,
    severity: e.severity,
    category: e.category,
    source: e.source,
    platform: e.platform,
    at: e.occurredAt.toISOString(),
    stackTrace: e.stackTrace,
    frames: e.frames,
    exceptions: e.exceptions && e.exceptions.length > 1 ? e.exceptions : null,
    context: groupContextOf(e),
    release: released?.release ?? null,
    releaseAt: released?.occurredAt.toISOString() ?? null,
  }));
}

interface BatchResult {
  inserted: string[];
  /** Event ids counted but not stored. */
  sampled: string[];
  groups: { id: string; inserted: boolean; regressed: boolean; conditional: boolean }[];
  /** Event ids of the batch that were stored before it (not inserted now) → the group holding them. */
  storedGroups: Record<string, string>;
}

const UNIQUE_VIOLATION = "23505";

/** Counter rows that concurrent writers spread over: per project, day and severity (see ProjectDaily) and per release and day (ReleaseDaily). */
const COUNTER_SHARDS = 8;

/** In the group upsert: the resolved issue (eg) regresses on the batch's events (excluded). */
const REGRESSES = `(eg.status = 'resolved' AND NOT eg."resolvedInNextRelease" AND excluded."occurrenceCount" > 0
      AND excluded."lastSeen" > coalesce(eg."resolvedAt", '-infinity'::timestamptz))`;

const WRITE_BATCH_SQL = `
WITH gi AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, fingerprint text, type text, message text, severity text,
    category text, source text, platform text, at timestamptz, "stackTrace" text, frames jsonb, exceptions jsonb, context jsonb, release text,
    "releaseAt" timestamptz)
), oi_in AS (
  -- One row per event id: a batch's repeated ids are reduced to their first copy before this statement.
  SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, "groupId" uuid, "eventId" text, "occurredAt" timestamptz,
    severity text, message text, "stackTrace" text, "userId" text, "agentId" text, "runId" text, environment text,
    release text, tags jsonb, metadata jsonb, "parentEventId" text, "creditsLost" numeric, "executionsAffected" int,
    recovered boolean, "recoveryMethod" text, "recoveryDurationMs" int, "recoveryAutomatic" boolean, fingerprint text, exceptions jsonb, "sourceContext" jsonb,
    keep boolean, "capSample" boolean, "otherFingerprint" boolean, "trackActors" boolean)
), oi AS (
  -- Whether each occurrence is stored: spike protection's decision (keep) within the per-issue cap
  -- ($6 stored occurrences; past it the 1-in-K sample and the batch's newest event of the issue), and
  -- always the first event of an issue that does not exist yet. The group is looked up only when needed.
  SELECT r.*, CASE WHEN r.keep AND $6::int IS NULL THEN true ELSE (
      SELECT (s.stored IS NULL AND r.rn = 1) OR (r.keep AND ($6::int IS NULL OR r."capSample" OR r.rd = 1 OR coalesce(s.stored, 0) + r.rn <= $6::int))
      FROM (SELECT (SELECT eg."occurrenceCount" - eg."sampledCount" - eg."expiredCount" FROM "ErrorGroup" eg WHERE eg.id = r."groupId") AS stored) s
    ) END AS store
  FROM (
    SELECT o.*, row_number() OVER (PARTITION BY o."groupId" ORDER BY o."occurredAt", o.id) AS rn,
      row_number() OVER (PARTITION BY o."groupId" ORDER BY o."occurredAt" DESC, o.id DESC) AS rd
    FROM oi_in o
  ) r
), keys AS (
  -- Idempotency: an event id counts once per project (ErrorEventId; see migration 20261201232505).
  INSERT INTO "ErrorEventId" ("projectId", "eventId", "occurredAt", "groupId", "occurrenceId", fingerprint)
  SELECT $2::uuid, "eventId", "occurredAt", "groupId", CASE WHEN store THEN id END, CASE WHEN "otherFingerprint" THEN fingerprint END FROM oi
  ORDER BY "eventId"
  ON CONFLICT ("projectId", "eventId") DO NOTHING
  RETURNING "eventId"
), ins AS (
  -- Every accepted event: counts, users and rollups below are exact whether or not it is stored.
  SELECT oi.* FROM oi JOIN keys USING ("eventId")
), stored AS (
  INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", severity, message,
    "stackTrace", "userId", "agentId", "runId", environment, release, tags, metadata, "parentEventId",
    "creditsLost", "executionsAffected", recovered, "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic", fingerprint, exceptions, "sourceContext")
  SELECT id, "groupId", $2::uuid, $1::uuid, "eventId", "occurredAt", severity::"Severity", message,
    "stackTrace", "userId", "agentId", "runId", environment, release, tags, metadata, "parentEventId",
    "creditsLost", "executionsAffected", recovered, "recoveryMethod", "recoveryDurationMs", "recoveryAutomatic", fingerprint, exceptions, "sourceContext"
  FROM ins WHERE store
), users AS (
  -- Distinct users/agents per group: keyed set rows; what was new is added to the group's counters.
  INSERT INTO "ErrorGroupUser" ("groupId", "userId", "firstSeen")
  SELECT DISTINCT ON (ins."groupId", ins."userId") ins."groupId", ins."userId", ins."occurredAt"
  FROM ins WHERE ins."userId" IS NOT NULL
  ORDER BY ins."groupId", ins."userId", ins."occurredAt"
  ON CONFLICT DO NOTHING
  RETURNING "groupId"
), agents AS (
  INSERT INTO "ErrorGroupAgent" ("groupId", "agentId", "firstSeen")
  SELECT DISTINCT ON (ins."groupId", ins."agentId") ins."groupId", ins."agentId", ins."occurredAt"
  FROM ins WHERE ins."agentId" IS NOT NULL
  ORDER BY ins."groupId", ins."agentId", ins."occurredAt"
  ON CONFLICT DO NOTHING
  RETURNING "groupId"
), new_users AS (
  SELECT "groupId", count(*)::int AS n FROM users GROUP BY "groupId"
), new_agents AS (
  SELECT "groupId", count(*)::int AS n FROM agents GROUP BY "groupId"
), agg AS (
  SELECT "groupId", count(*)::int AS n, min("occurredAt") AS first, max("occurredAt") AS last,
    sum("creditsLost") AS credits, ${saturatingSumSql(`"executionsAffected"`)} AS executions, (count(*) FILTER (WHERE NOT store))::int AS sampled
  FROM ins GROUP BY "groupId"
), g AS (
  INSERT INTO "ErrorGroup" AS eg (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source,
    platform, "firstSeen", "lastSeen", "occurrenceCount", "creditsLost", "executionsAffected", "usersAffected",
    "agentsAffected", "stackTrace", frames, exceptions, context, "sampledCount", "lastSampledAt", "updatedAt", "firstRelease")
  SELECT gi.id, $1::uuid, $2::uuid, gi.fingerprint, gi.type, gi.message, gi.severity::"Severity", gi.category, gi.source,
    gi.platform, coalesce(agg.first, gi.at), coalesce(agg.last, gi.at), coalesce(agg.n, 0), coalesce(agg.credits, 0),
    coalesce(agg.executions, 0), coalesce(nu.n, 0), coalesce(na.n, 0), gi."stackTrace", gi.frames, gi.exceptions, gi.context,
    coalesce(agg.sampled, 0), CASE WHEN agg.sampled > 0 THEN now() END, now(), gi.release
  -- Only groups that accepted an event: a batch of duplicates creates, counts and announces no issue.
  FROM gi JOIN agg ON agg."groupId" = gi.id LEFT JOIN new_users nu ON nu."groupId" = gi.id LEFT JOIN new_agents na ON na."groupId" = gi.id
  ORDER BY gi.fingerprint
  ON CONFLICT ("projectId", fingerprint) DO UPDATE SET
    "occurrenceCount" = eg."occurrenceCount" + excluded."occurrenceCount",
    "usersAffected" = eg."usersAffected" + excluded."usersAffected",
    "agentsAffected" = eg."agentsAffected" + excluded."agentsAffected",
    "firstSeen" = CASE WHEN excluded."occurrenceCount" > 0 THEN LEAST(eg."firstSeen", excluded."firstSeen") ELSE eg."firstSeen" END,
    "lastSeen" = CASE WHEN excluded."occurrenceCount" > 0 THEN GREATEST(eg."lastSeen", excluded."lastSeen") ELSE eg."lastSeen" END,
    "creditsLost" = eg."creditsLost" + excluded."creditsLost",
    "executionsAffected" = ${saturatingAddSql(`eg."executionsAffected"`, `excluded."executionsAffected"`)},
    "sampledCount" = eg."sampledCount" + excluded."sampledCount",
    "lastSampledAt" = coalesce(excluded."lastSampledAt", eg."lastSampledAt"),
    -- The release of the issue's earliest event with one: a batch's event with a release older than
    -- the issue's first seen (out of order) brings its release; otherwise the first release stays (set
    -- when there was none). Compared with first seen, not with when the first release was first seen:
    -- exact unless the issue's earliest events carried no release (merges recompute it exactly from
    -- the tag rollup). gi is read only for a batch older than the issue, for its release's time.
    "firstRelease" = CASE
      WHEN excluded."firstRelease" IS NOT NULL AND excluded."firstSeen" < eg."firstSeen"
        AND (SELECT gi."releaseAt" FROM gi WHERE gi.id = excluded.id) < eg."firstSeen" THEN excluded."firstRelease"
      ELSE coalesce(eg."firstRelease", excluded."firstRelease") END,
    -- "Resolved in the next release" issues are reopened after the commit, only by a newer release
    -- (lib/errors/triage/reopenConsumer.ts); any other resolved issue regresses on an event that
    -- happened after it was resolved (the batch's latest, excluded."lastSeen"): a late one from
    -- before (an offline SDK's queue, a spool replay, a backfill) is counted and reopens nothing.
    status = CASE WHEN ${REGRESSES} THEN 'new'::"ErrorStatus" ELSE eg.status END,
    "regressedAt" = CASE WHEN ${REGRESSES} THEN now()::timestamptz(3) ELSE eg."regressedAt" END,
    regressed = eg.regressed OR ${REGRESSES},
    "updatedAt" = now()
  RETURNING id, severity, (xmax = 0) AS inserted, coalesce("regressedAt" = now()::timestamptz(3), false) AS regressed,
    (status = 'ignored' AND ("ignoredUntil" IS NOT NULL OR "ignoreUntilEvents" IS NOT NULL OR "ignoreUntilUsers" IS NOT NULL))
      OR (status = 'resolved' AND "resolvedInNextRelease") AS conditional
), hourly AS (
  INSERT INTO "ErrorHourly" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
  SELECT ins."groupId", date_trunc('hour', ins."occurredAt"), coalesce(ins.environment, ''), $1::uuid, $2::uuid, g.severity,
    count(*)::int, sum(ins."creditsLost")
  FROM ins JOIN g ON g.id = ins."groupId"
  GROUP BY 1, 2, 3, g.severity
  ORDER BY 1, 2, 3
  ON CONFLICT ("groupId", bucket, environment) DO UPDATE SET
    count = "ErrorHourly".count + excluded.count,
    "creditsLost" = "ErrorHourly"."creditsLost" + excluded."creditsLost"
), env_in AS (
  -- Per group, UTC day and environment, with the bit of each UTC hour that had an event.
  SELECT ins."groupId", (ins."occurredAt" AT TIME ZONE 'UTC')::date AS day, coalesce(ins.environment, '') AS environment, g.severity,
    count(*)::int AS n, sum(ins."creditsLost") AS credits, bit_or(1 << extract(hour FROM ins."occurredAt" AT TIME ZONE 'UTC')::int) AS hours
  FROM ins JOIN g ON g.id = ins."groupId"
  GROUP BY 1, 2, 3, 4
), daily_in AS (
  SELECT "groupId", day, severity, sum(n)::int AS n, sum(credits) AS credits, bit_or(hours) AS hours
  FROM env_in
  GROUP BY 1, 2, 3
), daily AS (
  INSERT INTO "ErrorDaily" ("groupId", day, "workspaceId", "projectId", severity, count, "creditsLost", hours)
  SELECT "groupId", day, $1::uuid, $2::uuid, severity, n, credits, hours FROM daily_in
  ORDER BY 1, 2
  ON CONFLICT ("groupId", day) DO UPDATE SET
    count = "ErrorDaily".count + excluded.count,
    "creditsLost" = "ErrorDaily"."creditsLost" + excluded."creditsLost",
    hours = "ErrorDaily".hours | excluded.hours
  RETURNING "groupId", day, (xmax = 0) AS inserted
), env_daily AS (
  INSERT INTO "ErrorEnvDaily" ("groupId", day, environment, "workspaceId", "projectId", severity, count, "creditsLost", hours)
  SELECT "groupId", day, environment, $1::uuid, $2::uuid, severity, n, credits, hours FROM env_in
  ORDER BY 1, 2, 3
  ON CONFLICT ("groupId", day, environment) DO UPDATE SET
    count = "ErrorEnvDaily".count + excluded.count,
    "creditsLost" = "ErrorEnvDaily"."creditsLost" + excluded."creditsLost",
    hours = "ErrorEnvDaily".hours | excluded.hours
), env_weekly AS (
  INSERT INTO "ErrorEnvWeekly" ("groupId", week, environment, "workspaceId", "projectId", severity, count, "creditsLost", days)
  SELECT "groupId", day - (extract(isodow FROM day)::int - 1), environment, $1::uuid, $2::uuid, severity, sum(n)::int, sum(credits),
    bit_or(1 << (extract(isodow FROM day)::int - 1))
  FROM env_in GROUP BY 1, 2, 3, 6
  ORDER BY 1, 2, 3
  ON CONFLICT ("groupId", week, environment) DO UPDATE SET
    count = "ErrorEnvWeekly".count + excluded.count,
    "creditsLost" = "ErrorEnvWeekly"."creditsLost" + excluded."creditsLost",
    days = "ErrorEnvWeekly".days | excluded.days
), five_minute AS (
  INSERT INTO "ErrorFiveMinute" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
  SELECT ins."groupId", date_bin('5 minutes', ins."occurredAt", TIMESTAMPTZ 'epoch'), coalesce(ins.environment, ''), $1::uuid, $2::uuid, g.severity,
    count(*)::int, sum(ins."creditsLost")
  FROM ins JOIN g ON g.id = ins."groupId"
  GROUP BY 1, 2, 3, g.severity
  ORDER BY 1, 2, 3
  ON CONFLICT ("groupId", bucket, environment) DO UPDATE SET
    count = "ErrorFiveMinute".count + excluded.count,
    "creditsLost" = "ErrorFiveMinute"."creditsLost" + excluded."creditsLost"
), project_buckets AS (
  -- Per project, hour (span 60) and UTC day (span 1440), environment and severity, on this writer's shard.
  INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
  SELECT $1::uuid, s.span, date_bin(make_interval(mins => s.span), e."occurredAt", TIMESTAMPTZ 'epoch'), $2::uuid, e.environment, e.severity,
    $5::smallint, count(*)::int
  FROM (SELECT ins."occurredAt", coalesce(ins.environment, '') AS environment, g.severity FROM ins JOIN g ON g.id = ins."groupId") e
  CROSS JOIN (VALUES (60), (1440)) AS s(span)
  GROUP BY 2, 3, 5, 6
  ORDER BY 2, 3, 5, 6
  ON CONFLICT ("workspaceId", span, bucket, "projectId", environment, severity, shard) DO UPDATE SET
    count = "ProjectBucket".count + excluded.count
), actor_pending AS (
  -- Per user/agent counts are deferred: one row per event, folded by the actor-fold job
  -- (lib/analytics/actors/foldActorCounts.ts); readers add the rows not folded yet.
  INSERT INTO "ActorPending" ("workspaceId", "projectId", "occurredAt", environment, severity, "userId", "agentId")
  SELECT $1::uuid, $2::uuid, ins."occurredAt", coalesce(ins.environment, ''), g.severity, ins."userId", ins."agentId"
  FROM ins JOIN g ON g.id = ins."groupId"
  WHERE ins."userId" IS NOT NULL OR ins."agentId" IS NOT NULL
), weekly AS (
  INSERT INTO "ErrorWeekly" ("groupId", week, "workspaceId", "projectId", severity, count, "creditsLost")
  SELECT "groupId", day - (extract(isodow FROM day)::int - 1), $1::uuid, $2::uuid, severity, sum(n)::int, sum(credits)
  FROM daily_in GROUP BY 1, 2, 5
  ORDER BY 1, 2
  ON CONFLICT ("groupId", week) DO UPDATE SET
    count = "ErrorWeekly".count + excluded.count,
    "creditsLost" = "ErrorWeekly"."creditsLost" + excluded."creditsLost"
), project_daily AS (
  INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
  SELECT $1::uuid, $2::uuid, di.day, di.severity, $5::smallint, sum(di.n)::int, (count(*) FILTER (WHERE d.inserted))::int
  FROM daily_in di JOIN daily d ON d."groupId" = di."groupId" AND d.day = di.day
  GROUP BY 3, 4 ORDER BY 3, 4
  ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET
    count = "ProjectDaily".count + excluded.count,
    errors = "ProjectDaily".errors + excluded.errors
), recovery_in AS (
  -- Stored occurrences that reported a recovery outcome, under their group's severity.
  SELECT (ins."occurredAt" AT TIME ZONE 'UTC')::date AS day, coalesce(ins.environment, '') AS environment, g.severity,
    coalesce(ins."recoveryMethod", '') AS method, ins.recovered, ins."recoveryAutomatic" IS DISTINCT FROM false AS automatic,
    ins."recoveryDurationMs" AS ms
  FROM ins JOIN g ON g.id = ins."groupId" WHERE ins.store AND ins.recovered IS NOT NULL
), recovery_daily AS (
  INSERT INTO "RecoveryDaily" ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic, count, "durationSumMs", "durationCount")
  SELECT $1::uuid, day, $2::uuid, environment, severity, method, recovered, automatic, count(*)::int, coalesce(sum(ms), 0), count(ms)::int
  FROM recovery_in GROUP BY 2, 4, 5, 6, 7, 8 ORDER BY 2, 4, 5, 6, 7, 8
  ON CONFLICT ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic) DO UPDATE SET
    count = "RecoveryDaily".count + excluded.count,
    "durationSumMs" = "RecoveryDaily"."durationSumMs" + excluded."durationSumMs",
    "durationCount" = "RecoveryDaily"."durationCount" + excluded."durationCount"
), recovery_durations AS (
  INSERT INTO "RecoveryDurationDaily" ("workspaceId", day, "projectId", environment, severity, "durationMs", count)
  SELECT $1::uuid, day, $2::uuid, environment, severity, faultline_recovery_ms(ms), count(*)::int
  FROM recovery_in WHERE recovered AND automatic AND ms IS NOT NULL
  GROUP BY 2, 4, 5, 6 ORDER BY 2, 4, 5, 6
  ON CONFLICT ("workspaceId", day, "projectId", environment, severity, "durationMs") DO UPDATE SET
    count = "RecoveryDurationDaily".count + excluded.count
), audit AS (
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
  SELECT gen_random_uuid(), $1::uuid, NULL, 'system', 'error.regressed', 'error', g.id::text,
    '{"status":"resolved"}'::jsonb, '{"status":"new"}'::jsonb
  FROM g WHERE g.regressed
), tag_in AS (
  SELECT * FROM jsonb_to_recordset($7::jsonb) AS x("eventId" text, key text, value text)
), tags AS (
  INSERT INTO "ErrorGroupTag" ("groupId", key, value, "workspaceId", count, "firstSeen", "lastSeen")
  SELECT ins."groupId", tag_in.key, tag_in.value, $1::uuid, count(*)::int, min(ins."occurredAt"), max(ins."occurredAt")
  FROM tag_in JOIN ins ON ins."eventId" = tag_in."eventId" JOIN g ON g.id = ins."groupId"
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("groupId", key, value) DO UPDATE SET
    count = "ErrorGroupTag".count + excluded.count,
    "firstSeen" = LEAST("ErrorGroupTag"."firstSeen", excluded."firstSeen"),
    "lastSeen" = GREATEST("ErrorGroupTag"."lastSeen", excluded."lastSeen")
), release_daily AS (
  -- Events per release and UTC day, the release as the tag rollup holds it (the releases page's key).
  INSERT INTO "ReleaseDaily" ("workspaceId", release, day, "projectId", shard, events)
  SELECT $1::uuid, tag_in.value, (ins."occurredAt" AT TIME ZONE 'UTC')::date, $2::uuid, $5::smallint, count(*)::int
  FROM tag_in JOIN ins ON ins."eventId" = tag_in."eventId" JOIN g ON g.id = ins."groupId"
  WHERE tag_in.key = 'release'
  GROUP BY 2, 3 ORDER BY 2, 3
  ON CONFLICT ("workspaceId", release, day, "projectId", shard) DO UPDATE SET events = "ReleaseDaily".events + excluded.events
), fp_counts AS (
  -- Events whose fingerprint is not their issue's own (merged in, a grouping upgrade's), per issue and
  -- fingerprint: what an unmerge of that fingerprint moves (docs/grouping.md). None for most batches.
  INSERT INTO "GroupFingerprintCount" AS c ("groupId", fingerprint, events, sampled, "creditsLost", "executionsAffected", "firstSeen", "lastSeen", "lastSampledAt")
  SELECT ins."groupId", ins.fingerprint, count(*)::int, (count(*) FILTER (WHERE NOT ins.store))::int, sum(ins."creditsLost"),
    ${saturatingSumSql(`ins."executionsAffected"`)}, min(ins."occurredAt"), max(ins."occurredAt"), CASE WHEN bool_or(NOT ins.store) THEN now() END
  FROM ins JOIN g ON g.id = ins."groupId" WHERE ins."otherFingerprint"
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("groupId", fingerprint) DO UPDATE SET
    events = c.events + excluded.events,
    sampled = c.sampled + excluded.sampled,
    "creditsLost" = c."creditsLost" + excluded."creditsLost",
    "executionsAffected" = ${saturatingAddSql(`c."executionsAffected"`, `excluded."executionsAffected"`)},
    "firstSeen" = LEAST(c."firstSeen", excluded."firstSeen"),
    "lastSeen" = GREATEST(c."lastSeen", excluded."lastSeen"),
    "lastSampledAt" = coalesce(excluded."lastSampledAt", c."lastSampledAt")
), fp_buckets AS (
  -- The same per 5 minutes and per hour (as ErrorFiveMinute and ErrorHourly bucket them) and environment.
  INSERT INTO "GroupFingerprintBucket" ("groupId", fingerprint, span, bucket, environment, "projectId", count, "creditsLost")
  SELECT ins."groupId", ins.fingerprint, s.span,
    CASE s.span WHEN 60 THEN date_trunc('hour', ins."occurredAt") ELSE date_bin('5 minutes', ins."occurredAt", TIMESTAMPTZ 'epoch') END,
    coalesce(ins.environment, ''), $2::uuid, count(*)::int, sum(ins."creditsLost")
  FROM ins JOIN g ON g.id = ins."groupId" CROSS JOIN (VALUES (5), (60)) AS s(span)
  WHERE ins."otherFingerprint"
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("groupId", fingerprint, span, bucket, environment) DO UPDATE SET
    count = "GroupFingerprintBucket".count + excluded.count,
    "creditsLost" = "GroupFingerprintBucket"."creditsLost" + excluded."creditsLost"
), fp_tags AS (
  INSERT INTO "GroupFingerprintTag" ("groupId", fingerprint, key, value, count, "firstSeen", "lastSeen")
  SELECT ins."groupId", ins.fingerprint, tag_in.key, tag_in.value, count(*)::int, min(ins."occurredAt"), max(ins."occurredAt")
  FROM tag_in JOIN ins ON ins."eventId" = tag_in."eventId" JOIN g ON g.id = ins."groupId"
  WHERE ins."otherFingerprint"
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("groupId", fingerprint, key, value) DO UPDATE SET
    count = "GroupFingerprintTag".count + excluded.count,
    "firstSeen" = LEAST("GroupFingerprintTag"."firstSeen", excluded."firstSeen"),
    "lastSeen" = GREATEST("GroupFingerprintTag"."lastSeen", excluded."lastSeen")
), fp_actors AS (
  -- Their distinct users and agents, and those of the issue's own fingerprint when it tracks them.
  INSERT INTO "GroupFingerprintActor" ("groupId", fingerprint, kind, "actorId", "firstSeen")
  SELECT DISTINCT ON (1, 2, 3, 4) ins."groupId", ins.fingerprint, k.kind, k.id, ins."occurredAt"
  FROM ins JOIN g ON g.id = ins."groupId" CROSS JOIN LATERAL (VALUES ('user', ins."userId"), ('agent', ins."agentId")) AS k(kind, id)
  WHERE ins."trackActors" AND k.id IS NOT NULL
  ORDER BY 1, 2, 3, 4, ins."occurredAt"
  ON CONFLICT DO NOTHING
)
SELECT
  (SELECT coalesce(json_agg(id), '[]') FROM ins) AS inserted,
  (SELECT coalesce(json_agg("eventId"), '[]') FROM ins WHERE NOT store) AS sampled,
  (SELECT coalesce(json_agg(json_build_object('id', id, 'inserted', inserted, 'regressed', regressed, 'conditional', conditional)), '[]') FROM g) AS groups,
  -- Where the events stored before this batch are (what their duplicates are answered with).
  (SELECT coalesce(json_object_agg(e."eventId", e."groupId"), '{}')
   FROM oi JOIN "ErrorEventId" e ON e."projectId" = $2::uuid AND e."eventId" = oi."eventId"
   WHERE NOT EXISTS (SELECT 1 FROM keys k WHERE k."eventId" = oi."eventId")) AS "storedGroups"`;

async function writeBatch(
  client: pg.PoolClient,
  target: StoreTarget,
  groups: ReturnType<typeof groupRows>,
  occurrences: OccurrenceRow[],
  events: PreparedEvent[],
  maxEventsPerIssue: number | null,
): Promise<BatchResult> {
  // Named, so each connection parses and plans this large statement once.
  const { rows } = await client.query<BatchResult>({
    name: "faultline-write-batch",
    text: WRITE_BATCH_SQL,
    values: [target.workspaceId, target.projectId, JSON.stringify(groups), JSON.stringify(occurrences), randomInt(COUNTER_SHARDS), maxEventsPerIssue, JSON.stringify(tagRows(events))],
  });
  return rows[0];
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
    fingerprint: e.fingerprint,
    exceptions: e.exceptions,
    sourceContext: e.sourceContext !== undefined ? e.sourceContext : sourceContextOf(e.frames),
  };
}

/** The per-issue tag rollup's rows: each event's tags once (a repeated event id counts only if inserted). */
function tagRows(events: PreparedEvent[]): { eventId: string; key: string; value: string }[] {
  const seen = new Set<string>();
  const rows: { eventId: string; key: string; value: string }[] = [];
  for (const event of events) {
    if (seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    for (const [key, value] of eventTags(event)) rows.push({ eventId: event.eventId, key, value });
  }
  return rows;
}

type OccurrenceRow = ReturnType<typeof occurrenceRow> & { id: string; groupId: string; keep: boolean; capSample: boolean; otherFingerprint: boolean; trackActors: boolean };

/**
 * Resolves parentEventId through ErrorEventId (earlier or same batch; the parent may have been
 * counted without being stored), links stored children to a stored parent occurrence, and counts the
 * cascade on the parent's group and in the daily cascade rollup used by the error-chain analysis.
 */
async function linkParents(client: pg.PoolClient, target: StoreTarget, accepted: (OccurrenceRow & { store: boolean })[]): Promise<void> {
  const children = accepted.map((r) => ({ id: r.id, occurredAt: r.occurredAt, groupId: r.groupId, creditsLost: r.creditsLost, store: r.store, parentEventId: r.parentEventId }));
  if (children.length === 0) return;
  await client.query(
    `WITH linked AS (
       SELECT x.*, p."groupId" AS "parentGroupId", p."occurrenceId" AS "parentOccurrenceId"
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, "occurredAt" timestamptz, "groupId" uuid, "creditsLost" numeric, store boolean, "parentEventId" text)
       JOIN "ErrorEventId" p ON p."projectId" = $1::uuid AND p."eventId" = x."parentEventId"
     ), link AS (
       UPDATE "ErrorOccurrence" o SET "parentOccurrenceId" = l."parentOccurrenceId"
       FROM linked l
       WHERE l.store AND l."parentOccurrenceId" IS NOT NULL AND o.id = l.id AND o."occurredAt" = l."occurredAt"
     ), cascades AS (
       INSERT INTO "CascadeDaily" ("workspaceId", "parentGroupId", "childGroupId", day, count, "creditsLost")
       SELECT $3::uuid, "parentGroupId", "groupId", ("occurredAt" AT TIME ZONE 'UTC')::date, count(*)::int, sum("creditsLost")
       FROM linked GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
       ON CONFLICT ("parentGroupId", "childGroupId", day) DO UPDATE SET
         count = "CascadeDaily".count + excluded.count,
         "creditsLost" = "CascadeDaily"."creditsLost" + excluded."creditsLost"
     )
     UPDATE "ErrorGroup" g SET "cascadingFailures" = g."cascadingFailures" + l.n
     FROM (SELECT "parentGroupId", count(*)::int AS n FROM linked GROUP BY "parentGroupId") l
     WHERE g.id = l."parentGroupId"`,
    [target.projectId, JSON.stringify(children), target.workspaceId],
  );
}

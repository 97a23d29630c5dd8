import { randomUUID } from "node:crypto";
import type pg from "pg";
import { hasFeedbackRules, onFeedbackStored } from "@/lib/alerts/onFeedbackStored";
import { storeAttachments } from "@/lib/attachments/storeAttachments";
import { recordCheckIns } from "@/lib/crons/recordCheckIns";
import { claimRecord } from "@/lib/db/appliedRecords";
import { pool, retryOnDeadlock, withTransaction } from "@/lib/db/pool";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { projectGoneError } from "@/lib/intake/projectGone";
import { env } from "@/lib/env";
import { moveExecutions, recordExecutions, type ExecutionDelta } from "@/lib/executions/recordExecutions";
import { storeUserFeedback } from "@/lib/feedback/storeUserFeedback";
import { storeItemsDurably } from "@/lib/intake/durableStore";
import { loadIngestSettings, readIngestSettings, type IngestSettings } from "@/lib/ingest/loadIngestSettings";
import type { StoreTarget } from "@/lib/ingest/storeEvents";
import { moveReleaseSessions, recordReleaseSessions, recordReleaseUsers } from "@/lib/releases/recordReleaseSessions";
import { countSessionUpdates } from "@/lib/sentry/countSessionUpdates";
import type { SessionCounts } from "@/lib/sentry/mapSessions";
import { recordClientDiscards } from "@/lib/sentry/recordClientDiscards";
import { redactAttachment } from "@/lib/sentry/mapAttachment";
import type { DiscardedEvents } from "@/lib/sentry/mapClientReport";
import { redactFeedback } from "@/lib/sentry/mapUserFeedback";
import type { SpooledItems } from "@/lib/spool/spoolEntry";

/**
 * Stores what a request carries besides events — user feedback, attachments, cron check-ins,
 * release-health session counts, client reports — committed before the answer, or, while
 * PostgreSQL is unavailable, durably in the local spool (`spooled`: stored on replay as of their
 * receive time). `checkInIds` are the runs' ids (for a spooled `latest` check-in, the id it was
 * given). What people wrote and text attachments have the project's additional sensitive fields
 * hidden first, as events have (every door's feedback and files pass here: envelopes, minidump
 * uploads, Unreal crashes, the report dialog), so neither the database nor the spool holds them.
 */
export async function storeNonEventItems(target: StoreTarget, received: SpooledItems): Promise<{ spooled: boolean; checkInIds: string[] }> {
  // Hidden before the spool when the settings can be read; when they cannot (PostgreSQL down before
  // this instance read them), the direct write — on replay too — hides them or waits.
  const { items, settled } = await hideSensitiveFields(target.projectId, received, loadIngestSettings);
  // One id for the direct write and the spool record: counts added directly are not added again on replay.
  const recordId = randomUUID();
  let checkInIds: string[] = [];
  const spooled = await storeItemsDurably(target, items, recordId, async () => {
    checkInIds = settled ? await writeItems(target, items, new Date(), recordId) : await storeNonEventItemsDirect(target, items, new Date(), recordId);
  });
  return { spooled, checkInIds: spooled ? (items.checkIns ?? []).map((c) => c.checkInId) : checkInIds };
}

/** The items with the project's sensitive fields hidden; `settled` is false when its settings could not be read (nothing hidden yet). */
async function hideSensitiveFields(
  projectId: string,
  items: SpooledItems,
  settingsOf: (projectId: string) => Promise<IngestSettings>,
): Promise<{ items: SpooledItems; settled: boolean }> {
  if (!items.feedback?.length && !items.attachments?.length) return { items, settled: true };
  const { sensitiveFields, known } = await settingsOf(projectId);
  if (!sensitiveFields) return { items, settled: known };
  const hidden = { ...items, feedback: items.feedback?.map((f) => redactFeedback(f, sensitiveFields)), attachments: items.attachments?.map((a) => redactAttachment(a, sensitiveFields)) };
  return { items: hidden, settled: known };
}

/**
 * Straight to PostgreSQL, what the spool replayer uses too: feedback and text attachments have the
 * project's sensitive fields hidden first (a no-op for what was hidden before it was spooled), then
 * writeItems.
 */
export async function storeNonEventItemsDirect(target: StoreTarget, received: SpooledItems, receivedAt: Date, recordId: string): Promise<string[]> {
  // Settings that cannot be read throw the database's error: spooled, or (replaying) tried again later.
  const { items } = await hideSensitiveFields(target.projectId, received, readIngestSettings);
  return writeItems(target, items, receivedAt, recordId);
}

/**
 * Session counts and client reports (added once per `recordId`), feedback (then its alerts, for
 * what was new), attachments, then check-ins (each idempotent), straight to PostgreSQL.
 */
async function writeItems(target: StoreTarget, items: SpooledItems, receivedAt: Date, recordId: string): Promise<string[]> {
  await addCountsOnce(target, items, receivedAt, recordId);
  // Alerts on new feedback run after the commit without holding the answer; the outbox row written
  // with the feedback makes them survive this instance dying first.
  const feedback = items.feedback ?? [];
  const stored = await storeUserFeedback(target, feedback, feedback.length > 0 && (await hasFeedbackRules(target.workspaceId)));
  if (stored.alert) void onFeedbackStored(target.workspaceId, stored.alert);
  await storeAttachments(target, items.attachments ?? []);
  return recordCheckIns(target, items.checkIns ?? [], receivedAt);
}

/**
 * Increments are not idempotent: they are added in one transaction with the claim of their record
 * (and single sessions through their id: a session is counted once however many updates of it come,
 * moved to a worse bucket by a later one). Like events, under the project's write lock: a project
 * being deleted gets none (projectGoneError), so no count lands after its rows were deleted.
 */
async function addCountsOnce(target: StoreTarget, items: SpooledItems, receivedAt: Date, recordId: string): Promise<void> {
  const sessions = items.sessions ?? [];
  const discards = items.discards ?? [];
  if (sessions.length + discards.length === 0) return;
  const add = (client: pg.PoolClient) => addCounts(client, target, sessions, discards, receivedAt, recordId);
  // Moves update rows other requests may be adding to in another order: a deadlock PostgreSQL breaks is tried again.
  await retryOnDeadlock(() => withTransaction(add, pool(), env().INGEST_DB_TIMEOUT_MS));
}

/** In the transaction: the record claimed (or nothing when it was before), then every count it brings. */
async function addCounts(client: pg.PoolClient, target: StoreTarget, sessions: SessionCounts[], discards: DiscardedEvents[], receivedAt: Date, recordId: string): Promise<void> {
  if (!(await lockLiveProject(client, target.projectId, "shared"))) throw projectGoneError();
  if (!(await claimRecord(client, recordId))) return;
  // Aggregates and sessions counted now are added; sessions an update showed worse move (−1, +1) where they were counted.
  const { added, moved } = await countSessionUpdates(client, target.projectId, sessions);
  await recordExecutions(target, added.map(executionDelta), client);
  await moveExecutions(target, moved.map(executionDelta), client);
  await recordReleaseSessions(client, target, added);
  await moveReleaseSessions(client, target.projectId, moved);
  // Every update naming its user: users are counted distinct, a crash marks theirs.
  await recordReleaseUsers(client, target, sessions);
  await recordClientDiscards(target.projectId, discards, receivedAt, client);
}

/** Session counts as execution counts: an abnormal session (an ANR, a watchdog kill) failed without crashing. */
function executionDelta(s: SessionCounts): ExecutionDelta {
  return { minute: new Date(s.minute), environment: s.environment, ok: s.ok, failed: s.errored + (s.abnormal ?? 0), crashed: s.crashed };
}

import { asArray, asCount, asObject, clipText, type JsonObject } from "@/lib/sentry/coerce";
import { countsOf, sessionOutcome } from "@/lib/sentry/sessionOutcome";
import { sentryTimestampToIso, truncateToMinute } from "@/lib/sentry/sentryTimestamp";

/** Release-health counts of one minute (of session start) for one release and environment. */
export interface SessionCounts {
  /** ISO timestamp of the minute the sessions started in, e.g. "2026-01-02T03:04:00.000Z". */
  minute: string;
  release?: string;
  environment?: string;
  /** Sessions without errors (ended, or still running). */
  ok: number;
  /** Sessions that saw at least one handled error and did not crash. */
  errored: number;
  /**
   * Sessions that crashed, or hit an unhandled error (status "unhandled", what @sentry/browser 10+
   * sends where the older SDKs sent "crashed"): what crash-free rates count against.
   */
  crashed: number;
  /**
   * Sessions that ended abnormally: the app was killed without crashing (an Android ANR, an iOS
   * watchdog kill or app hang, the OS ending it). Neither a crash nor ok, as Sentry counts them:
   * crash-free rates leave them out of `crashed` (optional in spooled records of older versions).
   */
  abnormal?: number;
  /**
   * The session's id: set on a single session's update (its counts then a single 1, the bucket the
   * update shows), which lib/sentry/countSessionUpdates.ts counts once per session and moves between
   * buckets; absent on aggregates, added as they are.
   */
  sid?: string;
  /** The SDK's distinct id of the user (`did`), when it sent one: crash-free users. */
  did?: string;
}

const MAX_RELEASE = 256;
const MAX_SID = 128;
const MAX_DID = 256;
const MAX_ENVIRONMENT = 64;
/** Keeps counts inside a 32-bit integer column whatever a client claims. */
const MAX_COUNT = 1_000_000_000;

/**
 * Maps a `session` item: one update of one session (the SDK sends the whole state each time), in the
 * bucket it shows (lib/sentry/sessionOutcome.ts): status crashed or unhandled → crashed, abnormal →
 * abnormal, errored or any error counted → errored, else (ok, exited, missing) → ok. Every update
 * maps, the running ones too: the browser SDKs send a page load's session once with `init: true,
 * status: "ok"` and later only what changed (`errors: 1`, `status: "unhandled"`), never an end — the
 * session is counted once, when its first update arrives, and moved to a worse bucket by later ones
 * (lib/sentry/countSessionUpdates.ts), so it needs its `sid`: an update without one (which Sentry
 * refuses too) maps to nothing. Unusable payloads yield [] rather than an error: release health is
 * best-effort and must not fail the envelope.
 */
export function mapSessionItem(payload: unknown): SessionCounts[] {
  const session = asObject(payload);
  if (!session) return [];
  const sid = clipText(session.sid, MAX_SID);
  if (!sid) return [];
  const started = sentryTimestampToIso(session.started) ?? sentryTimestampToIso(session.timestamp);
  if (!started) return [];
  const counts: SessionCounts = { ...emptyCounts(truncateToMinute(started), asObject(session.attrs)), ...countsOf(sessionOutcome(session.status, asCount(session.errors) ?? 0)), sid };
  const did = clipText(session.did, MAX_DID);
  if (did) counts.did = did;
  return [counts];
}

/**
 * Maps a `sessions` item (pre-aggregated by the SDK, e.g. request sessions of @sentry/node):
 * `{ aggregates: [{ started, did?, exited, errored, crashed, abnormal?, unhandled? }], attrs }`.
 * exited → ok; errored → errored; crashed and unhandled → crashed (as a single session's status);
 * abnormal → abnormal. Aggregates are added as they come (each request session is sent once). Rows
 * falling in the same minute (and naming the same user, if any) are merged, rows without a valid
 * `started` or without any count are skipped.
 */
export function mapSessionsItem(payload: unknown): SessionCounts[] {
  const body = asObject(payload);
  const rows = asArray(body?.aggregates);
  if (!body || !rows) return [];
  const attrs = asObject(body.attrs);
  const byKey = new Map<string, SessionCounts>();
  for (const raw of rows) {
    const row = asObject(raw);
    const started = sentryTimestampToIso(row?.started);
    if (!row || !started) continue;
    const ok = asCount(row.exited) ?? 0;
    const errored = asCount(row.errored) ?? 0;
    const crashed = (asCount(row.crashed) ?? 0) + (asCount(row.unhandled) ?? 0);
    const abnormal = asCount(row.abnormal) ?? 0;
    if (ok + errored + crashed + abnormal === 0) continue;
    const minute = truncateToMinute(started);
    // A row may name its user (`did`): kept apart per user, for crash-free users.
    const did = clipText(row.did, MAX_DID);
    const key = did ? `${minute} ${did}` : minute;
    const counts = byKey.get(key) ?? { ...emptyCounts(minute, attrs), ...(did && { did }) };
    counts.ok = Math.min(MAX_COUNT, counts.ok + ok);
    counts.errored = Math.min(MAX_COUNT, counts.errored + errored);
    counts.crashed = Math.min(MAX_COUNT, counts.crashed + crashed);
    counts.abnormal = Math.min(MAX_COUNT, (counts.abnormal ?? 0) + abnormal);
    byKey.set(key, counts);
  }
  return [...byKey.values()];
}

function emptyCounts(minute: string, attrs: JsonObject | undefined): SessionCounts {
  const counts: SessionCounts = { minute, ok: 0, errored: 0, crashed: 0, abnormal: 0 };
  const release = clipText(attrs?.release, MAX_RELEASE);
  if (release) counts.release = release;
  const environment = clipText(attrs?.environment, MAX_ENVIRONMENT);
  if (environment) counts.environment = environment;
  return counts;
}

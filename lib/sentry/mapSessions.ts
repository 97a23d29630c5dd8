import { asArray, asCount, asObject, clipText, type JsonObject } from "@/lib/sentry/coerce";
import { sentryTimestampToIso, truncateToMinute } from "@/lib/sentry/sentryTimestamp";

/** Release-health counts of one minute (of session start) for one release and environment. */
export interface SessionCounts {
  /** ISO timestamp of the minute the sessions started in, e.g. "2026-01-02T03:04:00.000Z". */
  minute: string;
  release?: string;
  environment?: string;
  /** Sessions that ended without errors. */
  ok: number;
  /** Sessions that saw at least one error but did not crash. */
  errored: number;
  /** Sessions that crashed. */
  crashed: number;
  /**
   * Sessions that ended abnormally: the app was killed without crashing (an Android ANR, an iOS
   * watchdog kill or app hang, the OS ending it). Neither a crash nor ok, as Sentry counts them:
   * crash-free rates leave them out of `crashed` (optional in spooled records of older versions).
   */
  abnormal?: number;
  /** The session's id (a single `session` item): each session is counted once (lib/sentry/claimCountedSessions.ts). */
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

type Outcome = "ok" | "errored" | "crashed" | "abnormal";

/**
 * Maps a `session` item (one session update). Sessions are counted once, when an update reports a
 * terminal status; updates with status "ok" (the session is still running, including the initial
 * `init: true` update) are not counted:
 *
 *   status                 counted as
 *   exited, errors = 0     ok
 *   exited, errors > 0     errored
 *   errored, unhandled     errored   ("unhandled": browser SDKs' status for an unhandled error)
 *   crashed                crashed
 *   abnormal               abnormal  (killed without crashing: an ANR, a watchdog kill; not a crash)
 *   ok, missing, unknown   not counted
 *
 * The session's `sid` goes along: the JavaScript SDKs re-send an already crashed/unhandled session
 * when they end it (e.g. on navigation), and only its first final update is counted. A session the
 * SDK never ends (a browser tab that is simply closed) is never counted. Aggregated `sessions`
 * items, what server SDKs send, have neither problem. Unusable payloads yield [] rather than an
 * error: release health is best-effort and must not fail the envelope.
 */
export function mapSessionItem(payload: unknown): SessionCounts[] {
  const session = asObject(payload);
  if (!session) return [];
  const outcome = sessionOutcome(session.status, asCount(session.errors) ?? 0);
  if (!outcome) return [];
  const started = sentryTimestampToIso(session.started) ?? sentryTimestampToIso(session.timestamp);
  if (!started) return [];
  const counts = emptyCounts(truncateToMinute(started), asObject(session.attrs));
  counts[outcome] = 1;
  const sid = clipText(session.sid, MAX_SID);
  if (sid) counts.sid = sid;
  const did = clipText(session.did, MAX_DID);
  if (did) counts.did = did;
  return [counts];
}

/**
 * Maps a `sessions` item (pre-aggregated by the SDK, e.g. request sessions of @sentry/node):
 * `{ aggregates: [{ started, did?, exited, errored, crashed, abnormal?, unhandled? }], attrs }`.
 * exited → ok; errored and unhandled → errored; crashed → crashed; abnormal → abnormal. Rows falling in
 * the same minute (and naming the same user, if any) are merged, rows without a valid `started` or
 * without any count are skipped.
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
    const errored = (asCount(row.errored) ?? 0) + (asCount(row.unhandled) ?? 0);
    const crashed = asCount(row.crashed) ?? 0;
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

function sessionOutcome(status: unknown, errors: number): Outcome | undefined {
  switch (typeof status === "string" ? status.trim().toLowerCase() : "ok") {
    case "exited":
      return errors > 0 ? "errored" : "ok";
    case "errored":
    case "unhandled":
      return "errored";
    case "crashed":
      return "crashed";
    case "abnormal":
      return "abnormal";
    default:
      return undefined;
  }
}

function emptyCounts(minute: string, attrs: JsonObject | undefined): SessionCounts {
  const counts: SessionCounts = { minute, ok: 0, errored: 0, crashed: 0, abnormal: 0 };
  const release = clipText(attrs?.release, MAX_RELEASE);
  if (release) counts.release = release;
  const environment = clipText(attrs?.environment, MAX_ENVIRONMENT);
  if (environment) counts.environment = environment;
  return counts;
}

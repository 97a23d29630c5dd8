/**
 * A release-health session's bucket, as Sentry counts them. Worst last: a session keeps the worst
 * bucket any of its updates showed (an error never un-happens, a crash is final).
 *
 *   ok        no error (so far: a running session is healthy until an update says otherwise)
 *   errored   errors > 0, or status "errored" (handled errors only)
 *   abnormal  status "abnormal": the OS ended it without a crash (an ANR, a watchdog kill); not a crash
 *   crashed   status "crashed", or "unhandled" (what @sentry/browser 10+ sends for an unhandled error,
 *             which the v7–v9 SDKs sent as "crashed"): unhealthy, counted against crash-free sessions
 */
export const SESSION_OUTCOMES = ["ok", "errored", "abnormal", "crashed"] as const;

export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

/** Per-bucket session counts (signed when they are a change). */
export interface OutcomeCounts {
  ok: number;
  errored: number;
  crashed: number;
  abnormal: number;
}

/** The bucket one session update shows: its status, and its error count (status "ok" or "exited" with errors is errored). */
export function sessionOutcome(status: unknown, errors: number): SessionOutcome {
  switch (typeof status === "string" ? status.trim().toLowerCase() : "") {
    case "crashed":
    case "unhandled":
      return "crashed";
    case "abnormal":
      return "abnormal";
    case "errored":
      return "errored";
    default:
      // "ok" (running), "exited", missing or unknown: healthy unless it saw errors.
      return errors > 0 ? "errored" : "ok";
  }
}

/** The bucket's rank (0 ok … 3 crashed), what CountedSession.outcome stores. */
export function outcomeRank(outcome: SessionOutcome): number {
  return SESSION_OUTCOMES.indexOf(outcome);
}

/** The bucket of a stored rank; undefined for anything else. */
export function outcomeOfRank(rank: unknown): SessionOutcome | undefined {
  return typeof rank === "number" ? SESSION_OUTCOMES[rank] : undefined;
}

/** The worse of two buckets. */
export function worseOutcome(a: SessionOutcome, b: SessionOutcome): SessionOutcome {
  return outcomeRank(a) >= outcomeRank(b) ? a : b;
}

/** The worst bucket counts name (one session's counts have a single 1); "ok" when none is set. */
export function outcomeOfCounts(counts: OutcomeCounts): SessionOutcome {
  if (counts.crashed > 0) return "crashed";
  if (counts.abnormal > 0) return "abnormal";
  if (counts.errored > 0) return "errored";
  return "ok";
}

/** Counts of one session in one bucket. */
export function countsOf(outcome: SessionOutcome): OutcomeCounts {
  const counts = { ok: 0, errored: 0, crashed: 0, abnormal: 0 };
  counts[outcome] = 1;
  return counts;
}

/**
 * What one session's update changes in the rollups: a session not counted yet (`before` undefined)
 * adds one to its bucket; a counted one moving to a worse bucket leaves its old bucket for the new
 * one (−1, +1: the total stays); the same or a better bucket changes nothing (a repeated or late
 * update). Null when nothing changes.
 */
export function outcomeChange(before: SessionOutcome | undefined, after: SessionOutcome): OutcomeCounts | null {
  if (before === undefined) return countsOf(after);
  if (outcomeRank(after) <= outcomeRank(before)) return null;
  const change = countsOf(after);
  change[before] -= 1;
  return change;
}

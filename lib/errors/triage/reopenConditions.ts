/**
 * When a conditionally closed issue comes back (pure): an ignore whose duration ran out or whose
 * event / user target was reached, or an issue "resolved in the next release" that got an event of
 * a newer release (decided by isNewerRelease).
 */
export interface IgnoredIssue {
  status: string;
  ignoredUntil: Date | null;
  ignoreUntilEvents: number | null;
  ignoreUntilUsers: number | null;
  occurrenceCount: number;
  usersAffected: number;
}

export function ignoreEndReason(issue: IgnoredIssue, now: Date): string | null {
  if (issue.status !== "ignored") return null;
  if (issue.ignoredUntil && issue.ignoredUntil.getTime() <= now.getTime()) return "the ignore period ended";
  if (issue.ignoreUntilEvents !== null && issue.occurrenceCount >= issue.ignoreUntilEvents) return "the event count it was ignored until was reached";
  if (issue.ignoreUntilUsers !== null && issue.usersAffected >= issue.ignoreUntilUsers) return "the user count it was ignored until was reached";
  return null;
}

/**
 * The releases of a batch that may reopen an issue resolved at `resolvedAt` (pure): those with an
 * event that happened after the resolution. An event from before it (an offline SDK's queue, a
 * spool replay, a backfill) is evidence from before the fix, whatever its release: it reopens nothing.
 * `latestByRelease`: each release's latest event time in the batch.
 */
export function releasesAfterResolution(latestByRelease: Map<string, Date>, resolvedAt: Date | null): string[] {
  return [...latestByRelease].filter(([, at]) => resolvedAt === null || at.getTime() > resolvedAt.getTime()).map(([release]) => release);
}

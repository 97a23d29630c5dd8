interface IssueSeen {
  lastSeen: string;
  releases: { last: string | null };
}

interface LatestEvent {
  occurredAt: string;
  release: string | null;
}

/**
 * The release "Last seen" names. The issue's rollup keeps the latest time per release, so events of
 * one timestamp (SDKs that send whole seconds) tie there; the latest event — the one the viewer
 * opens, ordered by time then id, i.e. ingest order — breaks the tie the same way everywhere. An
 * older latest event (the last one was sampled, or the event has not loaded yet) or one without a
 * release leaves the rollup's answer.
 */
export function lastSeenRelease(issue: IssueSeen, latest: LatestEvent | undefined): string | null {
  if (latest?.release && Date.parse(latest.occurredAt) === Date.parse(issue.lastSeen)) return latest.release;
  return issue.releases.last;
}

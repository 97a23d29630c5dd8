import type { CascadeEdge } from "@/lib/analytics/buildErrorChains";

/** Runs in which one group's error is followed by another's at least this often count as a link. */
export const MIN_RUNS_FOR_LINK = 2;

/**
 * Errors that follow each other within one run (same runId) without an explicit parent link:
 * each change of group along a run's time-ordered occurrences is a link, counted once per run.
 * Links seen in fewer than MIN_RUNS_FOR_LINK runs are coincidence and dropped.
 */
export function runSequenceEdges(rows: { runId: string; groupId: string; occurredAt: Date }[]): CascadeEdge[] {
  const byRun = new Map<string, { groupId: string; at: number }[]>();
  for (const r of rows) byRun.set(r.runId, [...(byRun.get(r.runId) ?? []), { groupId: r.groupId, at: r.occurredAt.getTime() }]);
  const runsPerLink = new Map<string, number>();
  for (const events of byRun.values()) {
    events.sort((a, b) => a.at - b.at);
    const links = new Set<string>();
    for (let i = 1; i < events.length; i++) {
      if (events[i].groupId !== events[i - 1].groupId) links.add(`${events[i - 1].groupId}>${events[i].groupId}`);
    }
    for (const link of links) runsPerLink.set(link, (runsPerLink.get(link) ?? 0) + 1);
  }
  return [...runsPerLink.entries()]
    .filter(([, runs]) => runs >= MIN_RUNS_FOR_LINK)
    .map(([link, runs]) => {
      const [parentGroupId, childGroupId] = link.split(">");
      return { parentGroupId, childGroupId, count: runs, creditsLost: 0 };
    });
}

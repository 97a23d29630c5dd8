import { metrics } from "@/lib/metrics/registry";

export interface CountedEvent {
  severity: string;
  category: string;
}

/** Adds stored (non-duplicate) error events to faultline_errors_total. */
export function recordErrorEvents(target: { workspaceId: string; projectId: string }, events: CountedEvent[]): void {
  const counts = new Map<string, { severity: string; category: string; n: number }>();
  for (const e of events) {
    const key = `${e.severity}\u0000${e.category}`;
    const entry = counts.get(key) ?? { severity: e.severity, category: e.category, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const counter = metrics().errorsTotal;
  for (const { severity, category, n } of counts.values()) {
    counter.inc({ workspace: target.workspaceId, project: target.projectId, severity, category }, n);
  }
}

import type { Prisma } from "@/lib/generated/prisma/client";

/** The window a search is scoped to: the list's `since` / `until` (the dashboard's timeframe or a spike). */
export interface SearchWindow {
  since?: Date;
  until?: Date;
}

/**
 * Within a window, a tag filter (environment, release, user, own tag) selects issues that had an
 * event with that value in the window — what the view's cards count — not issues that ever had one:
 * the per-issue tag rollup's first / last seen of that value, read on the row the filter probes anyway.
 */
export function tagSeenIn(window: SearchWindow | undefined): Prisma.ErrorGroupTagWhereInput {
  return {
    ...(window?.since && { lastSeen: { gte: window.since } }),
    ...(window?.until && { firstSeen: { lte: window.until } }),
  };
}

/** The window of a list request's `since` / `until` parameters (ISO instants, already validated). */
export function searchWindow(since: string | undefined, until: string | undefined): SearchWindow | undefined {
  if (!since && !until) return undefined;
  return { ...(since && { since: new Date(since) }), ...(until && { until: new Date(until) }) };
}

import { countOf, formatCount } from "@/lib/client/format";

/**
 * A release's sessions in words: "40 sessions: 1 crashed, 3 with errors, 2 abnormal". Abnormal
 * sessions (ended by the OS without a crash: ANRs, watchdog kills) are named apart, only when some.
 */
export function sessionsTitle(sessions: { total: number; crashed: number; errored: number; abnormal: number }): string {
  const abnormal = sessions.abnormal > 0 ? `, ${formatCount(sessions.abnormal)} abnormal (ANRs, watchdog kills: not crashes)` : "";
  return `${countOf(sessions.total, "session")}: ${formatCount(sessions.crashed)} crashed, ${formatCount(sessions.errored)} with errors${abnormal}`;
}

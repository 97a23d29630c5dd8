const DAY_MS = 86_400_000;
export const OCCURRENCE_TABLE = "ErrorOccurrence";
const PREFIX = `${OCCURRENCE_TABLE}_p`;

/** The UTC day of a time, "2026-12-01". */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** "2026-12-01" → "ErrorOccurrence_p20261201" (one partition per UTC day). */
export function partitionName(day: string): string {
  return `${PREFIX}${day.replaceAll("-", "")}`;
}

/** The day of a partition name, or null for a name that is not one of ours. */
export function dayOfPartition(name: string): string | null {
  const m = /^ErrorOccurrence_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Start of the oldest UTC day a project keeps at `now`: today's start minus `retentionDays`. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return addDays(utcDay(now), -retentionDays);
}

/** Days from `from` to `to` inclusive. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Which day partitions retention may drop: a partition is dropped only when every project's cutoff
 * is past its end, i.e. its day is before the oldest cutoff (the longest retention). Shorter
 * retentions delete their project's rows from the partitions that stay.
 */
export function droppableDays(partitionDays: string[], cutoffs: string[]): string[] {
  if (cutoffs.length === 0) return [];
  const oldest = cutoffs.reduce((a, b) => (a < b ? a : b));
  return partitionDays.filter((day) => day < oldest).sort();
}

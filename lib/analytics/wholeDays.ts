const DAY = 86_400_000;

/** A range of UTC days, as ISO dates: [from, to). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Splits [start, end) into the whole UTC days inside it (answered from daily rollups) and the
 * partial-day edges before and after them (answered from occurrences). A range inside one day, or
 * across one midnight (an hour-aligned 24h window), has no whole day: it is all edge.
 */
export function splitWholeDays(start: Date, end: Date): { days: DayRange | null; edges: { from: Date; to: Date }[] } {
  const firstDay = Math.ceil(start.getTime() / DAY) * DAY;
  const lastDay = Math.floor(end.getTime() / DAY) * DAY;
  if (lastDay <= firstDay) return { days: null, edges: start < end ? [{ from: start, to: end }] : [] };
  const edges: { from: Date; to: Date }[] = [];
  if (start.getTime() < firstDay) edges.push({ from: start, to: new Date(firstDay) });
  if (lastDay < end.getTime()) edges.push({ from: new Date(lastDay), to: end });
  return { days: { from: isoDate(firstDay), to: isoDate(lastDay) }, edges };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

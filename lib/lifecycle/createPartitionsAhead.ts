import { ensureOccurrencePartitions, listOccurrencePartitions } from "@/lib/db/partitions/occurrencePartitions";
import { addDays, daysFrom, utcDay } from "@/lib/db/partitions/partitionDays";

/** Days of partitions kept ready ahead of `now`, so ingest at midnight never waits for one. */
export const PARTITION_DAYS_AHEAD = 7;

/** The partition job: yesterday to a week ahead exist (created only where missing). */
export async function createPartitionsAhead(now: Date = new Date()): Promise<string[]> {
  const today = utcDay(now);
  const wanted = daysFrom(addDays(today, -1), addDays(today, PARTITION_DAYS_AHEAD));
  const before = new Set((await listOccurrencePartitions()).map((p) => p.day));
  await ensureOccurrencePartitions(wanted);
  return wanted.filter((d) => !before.has(d));
}

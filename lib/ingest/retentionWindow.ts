import type { ValidationIssue } from "@/lib/http/ApiError";
import { retentionCutoff } from "@/lib/db/partitions/partitionDays";

/**
 * The oldest time the native door accepts for an event: the start of the oldest UTC day its project
 * keeps (today's start minus the project's retention, the retention job's own cutoff). An older
 * event would be gone at the next retention run — answered 202, then never readable — and each of
 * its days would cost a day partition of its own (a batch of 1970s dates made one per event).
 * Times outside what a clock can mean are already bounded: more than 5 minutes ahead, or before
 * 1970 (a zeroed clock), is the receive time (lib/ingest/prepareEvent.ts). So one batch touches at
 * most the retention's days and tomorrow.
 */
export function oldestAcceptedTime(receivedAt: Date, retentionDays: number): Date {
  return new Date(`${retentionCutoff(receivedAt, retentionDays)}T00:00:00Z`);
}

/**
 * The issue of an event whose `occurredAt` is before its project's retention (see
 * oldestAcceptedTime), null when it is kept. `path` names the field as the batch's other issues do
 * (`events[3].occurredAt`, `occurredAt` for a single event).
 */
export function retentionIssue(occurredAt: string | undefined, receivedAt: Date, retentionDays: number, path: string): ValidationIssue | null {
  if (occurredAt === undefined) return null;
  const at = Date.parse(occurredAt);
  const oldest = oldestAcceptedTime(receivedAt, retentionDays);
  // Unreadable or before 1970: prepareEvent dates it when it was received.
  if (Number.isNaN(at) || at < 0 || at >= oldest.getTime()) return null;
  return { path, message: `is before this project's retention of ${retentionDays} days: events from ${oldest.toISOString()} on are accepted` };
}

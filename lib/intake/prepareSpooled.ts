import { countFiltered } from "@/lib/intake/countFiltered";
import { prepareEvents } from "@/lib/intake/prepareEvents";
import { applyInboundFilters } from "@/lib/ingest/filters/applyInboundFilters";
import { readIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { oldestAcceptedTime, retentionIssue } from "@/lib/ingest/retentionWindow";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";
import { correctEventTime } from "@/lib/sentry/correctEventTime";
import type { SpoolEntry } from "@/lib/spool/spoolEntry";

/**
 * A spool record whose events were spooled as received — their project's settings could not be read
 * when they arrived (lib/intake/prepareAndAdmit.ts) — prepared now as they would have been then: the
 * project's sensitive fields hidden, its grouping rules, source maps and symbols applied, its inbound
 * filters and discarded issues dropping what they match (counted as filtered), as of the receive
 * time, within its retention. The receive-time keep decisions follow the events that remain. Throws the database's error
 * while the settings still cannot be read (the replay stops and comes back to the record).
 */
export async function prepareSpooled(entry: SpoolEntry): Promise<SpoolEntry> {
  if (!entry.unprepared) return entry;
  const { events: received, door = "native" } = entry.unprepared;
  const receivedAt = new Date(entry.unprepared.receivedAt);
  const settings = await readIngestSettings(entry.target.projectId);
  // The project's retention, as the doors apply it when they know it: a Sentry event older than it is
  // dated when received (lib/sentry/correctEventTime.ts), a native one refused — here, counted dropped.
  const oldestKept = oldestAcceptedTime(receivedAt, settings.retentionDays);
  const within = received
    .map((event, position) => ({ event: door === "sentry" ? correctEventTime(event, undefined, receivedAt, oldestKept) : event, position }))
    .filter(({ event }) => door === "sentry" || retentionIssue(event.occurredAt, receivedAt, settings.retentionDays, "occurredAt") === null);
  if (within.length < received.length) countIngest(entry.target, "dropped", received.length - within.length);
  const prepared = await prepareEvents(entry.target.projectId, within.map((w) => w.event), receivedAt, settings);
  const split = applyInboundFilters(prepared, settings);
  countFiltered(entry.target, split.filtered);
  const store = entry.options?.store;
  const options = entry.options && { ...entry.options, ...(store && { store: split.keptPositions.map((kept) => store[within[kept].position] ?? true) }) };
  return { id: entry.id, at: entry.at, target: entry.target, events: split.kept, ...(options && { options }) };
}

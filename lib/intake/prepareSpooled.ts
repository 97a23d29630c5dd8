import { countFiltered } from "@/lib/intake/countFiltered";
import { prepareEvents } from "@/lib/intake/prepareEvents";
import { applyInboundFilters } from "@/lib/ingest/filters/applyInboundFilters";
import { readIngestSettings } from "@/lib/ingest/loadIngestSettings";
import type { SpoolEntry } from "@/lib/spool/spoolEntry";

/**
 * A spool record whose events were spooled as received — their project's settings could not be read
 * when they arrived (lib/intake/prepareAndAdmit.ts) — prepared now as they would have been then: the
 * project's sensitive fields hidden, its grouping rules, source maps and symbols applied, its inbound
 * filters and discarded issues dropping what they match (counted as filtered), as of the receive
 * time. The receive-time keep decisions follow the events that remain. Throws the database's error
 * while the settings still cannot be read (the replay stops and comes back to the record).
 */
export async function prepareSpooled(entry: SpoolEntry): Promise<SpoolEntry> {
  if (!entry.unprepared) return entry;
  const { events: received, receivedAt } = entry.unprepared;
  const settings = await readIngestSettings(entry.target.projectId);
  const prepared = await prepareEvents(entry.target.projectId, received, new Date(receivedAt), settings);
  const split = applyInboundFilters(prepared, settings);
  countFiltered(entry.target, split.filtered);
  const store = entry.options?.store;
  const options = entry.options && { ...entry.options, ...(store && { store: split.keptPositions.map((position) => store[position] ?? true) }) };
  return { id: entry.id, at: entry.at, target: entry.target, events: split.kept, ...(options && { options }) };
}

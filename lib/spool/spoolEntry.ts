import type { PreparedEvent } from "@/lib/ingest/prepareEvent";

/** One spooled ingest request: the events, already prepared, and the project they belong to. */
export interface SpoolEntry {
  /** Unique id of the record (a UUID). */
  id: string;
  /** When it was spooled (ISO). */
  at: string;
  target: { workspaceId: string; projectId: string };
  events: PreparedEvent[];
}

export function serialiseEntry(entry: SpoolEntry): Buffer {
  return Buffer.from(JSON.stringify(entry), "utf8");
}

/** The entry of a record payload (occurredAt back to a Date); throws on anything else. */
export function parseEntry(payload: Buffer): SpoolEntry {
  const value = JSON.parse(payload.toString("utf8")) as SpoolEntry;
  if (!value || typeof value.id !== "string" || !value.target || !Array.isArray(value.events)) throw new Error("not a spool entry");
  for (const event of value.events) event.occurredAt = new Date(event.occurredAt);
  return value;
}

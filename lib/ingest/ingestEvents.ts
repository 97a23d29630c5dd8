import type { IngestKeyAuth } from "@/lib/auth/ingestKeyAuth";
import { parseIngestBody, type RejectedEvent } from "@/lib/ingest/parseIngestBody";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";
import { onEventsStored } from "@/lib/alerts/onEventsStored";
import { runAssignmentAfterStore } from "@/lib/assignment/runAssignmentAfterStore";

export interface IngestResponse {
  accepted: { index: number; eventId: string; groupId: string; duplicate: boolean }[];
  rejected: RejectedEvent[];
}

/** Parses, prepares and stores the events of one POST /api/v1/events body for the key's project. */
export async function ingestEvents(auth: IngestKeyAuth, body: Buffer): Promise<IngestResponse> {
  const parsed = parseIngestBody(body);
  const receivedAt = new Date();
  const prepared = parsed.valid.map(({ event }) => prepareEvent(event, receivedAt));
  const outcome = await storeEvents({ workspaceId: auth.workspaceId, projectId: auth.projectId }, prepared);
  onEventsStored({ workspaceId: auth.workspaceId, projectId: auth.projectId }, prepared, outcome);
  runAssignmentAfterStore({ target: { workspaceId: auth.workspaceId, projectId: auth.projectId }, events: prepared, outcome });
  return {
    accepted: outcome.results.map((result, i) => ({ index: parsed.valid[i].index, ...result })),
    rejected: parsed.rejected,
  };
}

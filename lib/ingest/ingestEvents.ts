import type { IngestKeyAuth } from "@/lib/auth/ingestKeyAuth";
import { parseIngestBody, type RejectedEvent } from "@/lib/ingest/parseIngestBody";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";
import { onEventsStored } from "@/lib/alerts/onEventsStored";
import { countStoreOutcome } from "@/lib/ingestHealth/countStoreOutcome";
import { countDropped, countIngest } from "@/lib/ingestHealth/ingestCounters";

export interface IngestResponse {
  accepted: { index: number; eventId: string; groupId: string; duplicate: boolean }[];
  rejected: RejectedEvent[];
}

/** Parses, prepares and stores the events of one POST /api/v1/events body for the key's project. */
export async function ingestEvents(auth: IngestKeyAuth, body: Buffer): Promise<IngestResponse> {
  const target = { workspaceId: auth.workspaceId, projectId: auth.projectId };
  const parsed = countDropped(target, 1, () => parseIngestBody(body));
  countIngest(target, "dropped", parsed.rejected.length);
  const receivedAt = new Date();
  const prepared = parsed.valid.map(({ event }) => prepareEvent(event, receivedAt));
  const outcome = await storeEvents(target, prepared).catch((error) => {
    countIngest(target, "dropped", prepared.length);
    throw error;
  });
  countStoreOutcome(target, outcome);
  onEventsStored({ workspaceId: auth.workspaceId, projectId: auth.projectId }, prepared, outcome);
  return {
    accepted: outcome.results.map((result, i) => ({ index: parsed.valid[i].index, ...result })),
    rejected: parsed.rejected,
  };
}

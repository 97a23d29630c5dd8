import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { authenticateIngestKey, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { readBody } from "@/lib/http/readBody";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import { runIntake } from "@/lib/intake/runIntake";
import { storeAndFanOut } from "@/lib/intake/storeAndFanOut";
import { MAX_BATCH_BYTES, parseIngestBody, type RejectedEvent } from "@/lib/ingest/parseIngestBody";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { countDropped, countIngest } from "@/lib/ingestHealth/ingestCounters";
import { enforceQuotas } from "@/lib/lifecycle/quotas/enforceQuotas";

export interface IngestResponse {
  accepted: { index: number; eventId: string; groupId: string; duplicate: boolean }[];
  rejected: RejectedEvent[];
}

const LIMITS = { maxWireBytes: MAX_BATCH_BYTES, maxDecodedBytes: MAX_BATCH_BYTES };

/**
 * The native door, POST /api/v1/events: ingest key → project check → bounded read and decode →
 * validate each event → prepare (scrub, parse, classify, fingerprint) → store → 202 once committed.
 */
export function receiveEvents(req: IntakeRequest): Promise<IntakeResponse> {
  return runIntake("events", async () => {
    const auth = await authenticateIngestKey(readIngestKey(req));
    assertKeyProject(auth, req);
    assertJsonContentType(req);
    const target = { workspaceId: auth.workspaceId, projectId: auth.projectId };
    const body = await readBody(req, LIMITS);
    // A body refused as a whole counts as one dropped event; invalid events of a batch one each.
    const parsed = countDropped(target, 1, () => parseIngestBody(body));
    countIngest(target, "dropped", parsed.rejected.length);
    await enforceQuotas(target.projectId, parsed.valid.length).catch((error) => {
      countIngest(target, "rateLimited", parsed.valid.length);
      throw error;
    });
    const receivedAt = new Date();
    const rules = await loadGroupingRules(auth.projectId);
    const prepared = parsed.valid.map(({ event }) => prepareEvent(event, receivedAt, rules));
    const outcome = await storeAndFanOut(target, prepared);
    const answer: IngestResponse = {
      accepted: outcome.results.map((result, i) => ({ index: parsed.valid[i].index, ...result })),
      rejected: parsed.rejected,
    };
    return { status: 202, headers: {}, body: answer };
  });
}

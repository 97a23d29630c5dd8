import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { resolveIngestKey } from "@/lib/auth/ingestKeyAuth";
import { readEventsKey } from "@/lib/auth/readEventsKey";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { INGEST_CORS_HEADERS, ingestPreflightHeaders } from "@/lib/http/ingestCors";
import { readBody } from "@/lib/http/readBody";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import { admitAll, withAdmission } from "@/lib/intake/admission";
import { prepareEvents } from "@/lib/intake/prepareEvents";
import { runIntake } from "@/lib/intake/runIntake";
import { samplingOptions } from "@/lib/intake/sampling/samplingOptions";
import { storeAndFanOut } from "@/lib/intake/storeAndFanOut";
import { MAX_BATCH_BYTES, parseIngestBody, type RejectedEvent } from "@/lib/ingest/parseIngestBody";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";
import { countDropped, countIngest } from "@/lib/ingestHealth/ingestCounters";

export interface IngestResponse {
  accepted: { index: number; eventId: string; groupId: string; duplicate: boolean }[];
  rejected: RejectedEvent[];
  spooled?: boolean;
}

const LIMITS = { maxWireBytes: MAX_BATCH_BYTES, maxDecodedBytes: MAX_BATCH_BYTES };

/**
 * The native door, POST /api/v1/events: ingest key (cached) → project check → rate limit (before
 * the body is read) → bounded read and decode → validate each event → prepare (scrub, parse,
 * classify, fingerprint) → store (group commit) → 202 once this request's events are committed.
 * Browsers may send the key as `?key=` with a text/plain body (sendBeacon, CORS simple requests);
 * every answer, errors included, carries the CORS headers they need to read it.
 */
export function receiveEvents(req: IntakeRequest): Promise<IntakeResponse> {
  return runIntake("events", async () => {
    const key = await resolveIngestKey(readEventsKey(req));
    assertKeyProject(key, req);
    assertJsonContentType(req, { allowTextPlain: true });
    const target = { workspaceId: key.workspaceId, projectId: key.projectId };
    return withAdmission(target, key, async (ticket) => {
      const body = await readBody(req, LIMITS);
      // A body refused as a whole counts as one dropped event; invalid events of a batch one each.
      const parsed = countDropped(target, 1, () => parseIngestBody(body));
      countIngest(target, "dropped", parsed.rejected.length);
      await admitAll(target, ticket, parsed.valid.length);
      const receivedAt = new Date();
      const rules = await loadGroupingRules(key.projectId);
      const prepared = await prepareEvents(key.projectId, parsed.valid.map(({ event }) => event), receivedAt, rules);
      const outcome = await storeAndFanOut(target, prepared, samplingOptions(target, key, prepared));
      ticket.keep();
      const answer: IngestResponse = {
        accepted: outcome.results.map((r, i) => ({ index: parsed.valid[i].index, eventId: r.eventId, groupId: r.groupId, duplicate: r.duplicate })),
        rejected: parsed.rejected,
        // PostgreSQL was unavailable: the events are in the local spool and stored when it is back.
        ...(outcome.spooled && { spooled: true }),
      };
      return { status: 202, headers: { ...INGEST_CORS_HEADERS }, body: answer };
    });
  }, () => ({ ...INGEST_CORS_HEADERS }));
}

/** OPTIONS /api/v1/events: CORS preflight for browser clients that send the key in a header. */
export function answerEventsPreflight(): IntakeResponse {
  return { status: 204, headers: ingestPreflightHeaders(), body: null };
}

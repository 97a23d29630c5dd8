import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { resolveIngestKey } from "@/lib/auth/ingestKeyAuth";
import { readEventsKey } from "@/lib/auth/readEventsKey";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { INGEST_CORS_HEADERS, ingestPreflightHeaders } from "@/lib/http/ingestCors";
import { utf8Body } from "@/lib/http/bodyCharset";
import { readBody } from "@/lib/http/readBody";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import { withAdmission } from "@/lib/intake/admission";
import { prepareAndAdmit } from "@/lib/intake/prepareAndAdmit";
import { refusingGoneProject } from "@/lib/intake/projectGone";
import { runIntake } from "@/lib/intake/runIntake";
import { samplingOptions } from "@/lib/intake/sampling/samplingOptions";
import { storeAndFanOut } from "@/lib/intake/storeAndFanOut";
import { ApiError } from "@/lib/http/ApiError";
import { loadIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { MAX_BATCH_BYTES, parseIngestBody, type ParsedIngestBody, type RejectedEvent } from "@/lib/ingest/parseIngestBody";
import { retentionIssue } from "@/lib/ingest/retentionWindow";
import type { InboundFilterReason } from "@/lib/ingest/filters/inboundFilterSchema";
import { countDropped, countIngest } from "@/lib/ingestHealth/ingestCounters";

export interface IngestResponse {
  accepted: { index: number; eventId: string; groupId: string; duplicate: boolean }[];
  rejected: RejectedEvent[];
  /** Dropped by the project's inbound filters: received, not stored (absent when none was). */
  filtered?: { index: number; eventId: string; reason: InboundFilterReason }[];
  spooled?: boolean;
}

// JSON never starts with gzip's magic bytes: a gzip body without Content-Encoding is decoded.
const LIMITS = { maxWireBytes: MAX_BATCH_BYTES, maxDecodedBytes: MAX_BATCH_BYTES, undeclaredGzip: true };

/**
 * The native door, POST /api/v1/events: ingest key (cached) → project check → rate limit (before
 * the body is read) → bounded read and decode → validate each event (an event dated before the
 * project's retention is refused, naming its occurredAt) → prepare (scrub, parse,
 * classify, fingerprint) → inbound filters → the rest of the rate limit → store (group commit) →
 * 202 once this request's events are committed. A project deleted while the request was on its way
 * is answered 401 as its revoked key is (lib/intake/projectGone.ts), never a 500.
 * Browsers may send the key as `?key=` with a text/plain body (sendBeacon, CORS simple requests);
 * every answer, errors included, carries the CORS headers they need to read it.
 */
export function receiveEvents(req: IntakeRequest): Promise<IntakeResponse> {
  return runIntake("events", async () => {
    const key = await resolveIngestKey(readEventsKey(req));
    assertKeyProject(key, req);
    assertJsonContentType(req, { allowTextPlain: true });
    const target = { workspaceId: key.workspaceId, projectId: key.projectId };
    return refusingGoneProject(() => withAdmission(target, key, async (ticket) => {
      // A charset other than UTF-8 named in the Content-Type is decoded (lib/http/bodyCharset.ts).
      const body = utf8Body(req, await readBody(req, LIMITS));
      const { retentionDays } = await loadIngestSettings(target.projectId);
      const receivedAt = new Date();
      // A body refused as a whole counts as one dropped event; invalid events of a batch one each.
      const parsed = countDropped(target, 1, () => refuseBeyondRetention(parseIngestBody(body), retentionDays, receivedAt));
      countIngest(target, "dropped", parsed.rejected.length);
      const { kept, keptPositions, filtered, unprepared } = await prepareAndAdmit(target, ticket, parsed.valid.map(({ event }) => event), receivedAt);
      const outcome = kept.length > 0 ? await storeAndFanOut(target, kept, samplingOptions(target, key, kept), unprepared) : { results: [], spooled: false };
      if (kept.length > 0) ticket.keep();
      const answer: IngestResponse = {
        accepted: outcome.results.map((r, i) => ({ index: parsed.valid[keptPositions[i]].index, eventId: r.eventId, groupId: r.groupId, duplicate: r.duplicate })),
        rejected: parsed.rejected,
        ...(filtered.length > 0 && { filtered: filtered.map((f) => ({ index: parsed.valid[f.position].index, eventId: f.eventId, reason: f.reason })) }),
        // PostgreSQL was unavailable: the events are in the local spool and stored when it is back.
        ...(outcome.spooled && { spooled: true }),
      };
      return { status: 202, headers: { ...INGEST_CORS_HEADERS }, body: answer };
    }), () => ApiError.unauthorized("invalid or revoked ingest key"));
  }, () => ({ ...INGEST_CORS_HEADERS }));
}

/**
 * The parsed batch with the events dated before the project's retention moved to `rejected`
 * (lib/ingest/retentionWindow.ts), each naming its occurredAt; like any other invalid event, a
 * request with no event left is refused as a whole (422) and nothing is written.
 */
function refuseBeyondRetention(parsed: ParsedIngestBody, retentionDays: number, receivedAt: Date): ParsedIngestBody {
  const valid: ParsedIngestBody["valid"] = [];
  const tooOld: RejectedEvent[] = [];
  for (const item of parsed.valid) {
    const issue = retentionIssue(item.event.occurredAt, receivedAt, retentionDays, parsed.isBatch ? `events[${item.index}].occurredAt` : "occurredAt");
    if (issue) tooOld.push({ index: item.index, issues: [issue] });
    else valid.push(item);
  }
  if (tooOld.length === 0) return parsed;
  const rejected = [...parsed.rejected, ...tooOld].sort((a, b) => a.index - b.index);
  if (valid.length === 0) {
    const issues = rejected.flatMap((r) => r.issues);
    throw ApiError.validation(`invalid ${issues[0].path}: ${issues[0].message}`, issues);
  }
  return { ...parsed, valid, rejected };
}

/** OPTIONS /api/v1/events: CORS preflight for browser clients that send the key in a header. */
export function answerEventsPreflight(): IntakeResponse {
  return { status: 204, headers: ingestPreflightHeaders(), body: null };
}

import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { parseMultipart } from "@/lib/http/parseMultipart";
import { fieldsOf } from "@/lib/http/parseWith";
import { utf8Body } from "@/lib/http/bodyCharset";
import { readBody, type ReadBodyOptions } from "@/lib/http/readBody";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import type { QuotaTicket } from "@/lib/intake/quotaLeases";
import { admitAll, admitItems, withAdmission } from "@/lib/intake/admission";
import { refusingGoneProject } from "@/lib/intake/projectGone";
import { runIntake } from "@/lib/intake/runIntake";
import { ApiError } from "@/lib/http/ApiError";
import { samplingOptions } from "@/lib/intake/sampling/samplingOptions";
import { storeAndFanOut } from "@/lib/intake/storeAndFanOut";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { prepareAndAdmit } from "@/lib/intake/prepareAndAdmit";
import { correctEventTime, correctInstant } from "@/lib/sentry/correctEventTime";
import { loadIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { oldestAcceptedTime } from "@/lib/ingest/retentionWindow";
import { truncateToMinute } from "@/lib/sentry/sentryTimestamp";
import { assertDsnAgrees, authenticateSentryPathKey, authenticateSentryRequest, findSentryProject, requestKey, requestSentAt, type SentryProject } from "@/lib/sentry/authenticateSentryRequest";
import { assertOriginAllowed, corsHeaders, preflightHeaders } from "@/lib/sentry/corsHeaders";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { carriesOnlyUncountedItems } from "@/lib/sentry/uncountedItems";
import { unpackMinidumpUpload } from "@/lib/sentry/minidump/unpackMinidumpUpload";
import { minidumpUploadAttachments } from "@/lib/sentry/minidump/minidumpUploadAttachments";
import { mapSecurityReports, reportScopeOf } from "@/lib/sentry/security/mapSecurityReports";
import { unpackEnvelope, unpackStoreBody, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { decodeLegacyStoreBody } from "@/lib/sentry/legacyStoreBody";
import { storeNonEventItems } from "@/lib/intake/storeNonEventItems";
import { countClientDiscards } from "@/lib/ingestHealth/countStoreOutcome";
import { countDropped, countIngest } from "@/lib/ingestHealth/ingestCounters";
import { readUnrealCrash } from "@/lib/sentry/unreal/readUnrealCrash";
import { unrealCrashEvent } from "@/lib/sentry/unreal/unrealCrashEvent";

export type SentryEndpoint = "envelope" | "store" | "minidump" | "security" | "unreal";

const MIB = 1024 * 1024;
const LIMITS: Record<SentryEndpoint, ReadBodyOptions> = {
  // An envelope starts with its JSON header: gzip bytes without a Content-Encoding are decoded.
  envelope: { maxWireBytes: 20 * MIB, maxDecodedBytes: 20 * MIB, undeclaredGzip: true },
  store: { maxWireBytes: MIB, maxDecodedBytes: MIB },
  // Crash reporters gzip the upload; a dump of the stacks and modules is a few MiB at most.
  minidump: { maxWireBytes: 20 * MIB, maxDecodedBytes: 40 * MIB },
  security: { maxWireBytes: MIB, maxDecodedBytes: MIB },
  // The Crash Report Client's upload is zlib-compressed itself (readUnrealCrash bounds it decompressed).
  unreal: { maxWireBytes: 20 * MIB, maxDecodedBytes: 20 * MIB },
};
/** The largest envelope read to see whether it may pass the event limits (uncountedEnvelopeBody). */
const UNCOUNTED_ENVELOPE_BYTES = 64 * 1024;
/** An Unreal crash report decompressed: context, log, config and a minidump of the stacks and modules. */
const MAX_UNREAL_REPORT_BYTES = 50 * MIB;

/**
 * The Sentry door, POST /api/:publicId/envelope/, /store/, /minidump/, /security/ and /unreal/:key/: project from the
 * URL (404), origin check, the key in the URL (query or, for Unreal's Crash Report Client, `pathKey`) or
 * X-Sentry-Auth checked and the rate limit decided before the body is read (else the envelope's dsn
 * after it; over the event limits, a small envelope is read to see whether it carries only sessions,
 * client reports and check-ins, which are still taken), bounded read and decode, validate, prepare, store. Every
 * answer, errors included, carries the CORS headers browser SDKs need to read it; success is 200 `{id}`,
 * also when PostgreSQL is unavailable and the events went to the local spool (stored on replay; the
 * body then says `spooled: true`): some SDKs (sentry-elixir) count only a 200 as delivered and would
 * re-send a 202'd envelope. A project deleted while the request was on its way is answered 404 as an
 * unknown project is (lib/intake/projectGone.ts), never a 500.
 */
export function receiveSentry(req: IntakeRequest, endpoint: SentryEndpoint, publicId: string, pathKey?: string): Promise<IntakeResponse> {
  let cors = corsHeaders(req, null);
  return runIntake(
    `sentry_${endpoint}`,
    async () => {
      const project = await findSentryProject(publicId);
      cors = corsHeaders(req, project.allowedOrigins);
      assertOriginAllowed(req, project.allowedOrigins);
      if (pathKey !== undefined) await authenticateSentryPathKey(req, project, pathKey);
      else if (requestKey(req)) await authenticateSentryRequest(req, project);
      // Over the event limits an envelope of only sessions, client reports and check-ins is still
      // admitted: its (small) body is read to tell, only then (the body read once, kept for the store).
      let readEarly: Buffer | undefined;
      const carriesNothingCounted =
        endpoint === "envelope"
          ? async () => {
              readEarly = await uncountedEnvelopeBody(req);
              return readEarly !== undefined;
            }
          : undefined;
      return refusingGoneProject(
        () =>
          withAdmission(
            { workspaceId: project.workspaceId, projectId: project.projectId },
            project,
            async (ticket) => {
              const body = readEarly ?? (await readBody(req, LIMITS[endpoint]));
              const store = STORES[endpoint];
              const { id, spooled } = await store(req, project, body, ticket);
              return { status: 200, headers: cors, body: spooled ? { id, spooled: true } : { id } };
            },
            { carriesNothingCounted },
          ),
        () => ApiError.notFound("unknown project"),
      );
    },
    () => cors,
  );
}

/**
 * An envelope refused by the event limits, read to see whether it carries only what they do not
 * count (lib/sentry/uncountedItems.ts): its body when it does, undefined otherwise. Only a body
 * declared at most 64 KiB is read (a session, a client report or a check-in is a few hundred bytes;
 * a refused body that size is received anyway to keep the connection, lib/intake/nodeAdapter.ts);
 * a larger or chunked one stays refused unread, as before.
 */
async function uncountedEnvelopeBody(req: IntakeRequest): Promise<Buffer | undefined> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (!(declared <= UNCOUNTED_ENVELOPE_BYTES)) return undefined;
  const body = await readBody(req, { maxWireBytes: UNCOUNTED_ENVELOPE_BYTES, maxDecodedBytes: MIB, undeclaredGzip: true });
  return carriesOnlyUncountedItems(parseEnvelope(body)) ? body : undefined;
}

/** OPTIONS on the Sentry endpoints: CORS preflight for SDKs configured with custom headers. */
export async function answerSentryPreflight(req: IntakeRequest, publicId: string): Promise<IntakeResponse> {
  const project = await findSentryProject(publicId).catch(() => null);
  return { status: 204, headers: preflightHeaders(req, project?.allowedOrigins ?? null), body: null };
}

async function storeEnvelope(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<{ id: string | null; spooled: boolean }> {
  const envelope = parseEnvelope(body);
  await authenticateWithBodyDsn(req, project, envelope.header.dsn);
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  // A malformed item refuses the whole envelope: counted as one dropped event.
  const contents = countDropped(target, 1, () => unpackEnvelope(envelope));
  // The SDK's clock when it sent: the envelope's sent_at, else the auth header's sentry_timestamp (sentry-rust sends no sent_at).
  const sentAt = envelope.header.sent_at ?? requestSentAt(req);
  // Check-ins count against limits of their own (lib/intake/rateLimit.ts), taken before anything is stored.
  const checkInTicket = await admitItems(target, project, "checkIns", contents.checkIns.length);
  try {
    const stored = await storeSentryEvents(project, contents.events, ticket, sentAt, contents.feedback.length);
    // What people wrote, files sent with the event, cron monitors' check-ins, release-health session
    // counts and client reports are kept like events: committed before the answer, or spooled while
    // PostgreSQL is unavailable (an SDK's retry stores them once: keyed per project, event and run;
    // counts once per request).
    const receivedAt = new Date();
    const items = await storeNonEventItems(target, {
      feedback: contents.feedback,
      // A filtered event's files go with it.
      attachments: contents.attachments.filter((a) => !stored.filtered.has(a.eventId)),
      checkIns: contents.checkIns,
      sessions: contents.sessions.map((counts) => ({ ...counts, minute: truncateToMinute(correctInstant(counts.minute, sentAt, receivedAt)) })),
      discards: contents.discards,
    });
    if (contents.feedback.length > 0) ticket.keep();
    checkInTicket.keep();
    countClientDiscards(target, contents.discards);
    return { id: contents.eventId, spooled: stored.spooled || items.spooled };
  } catch (error) {
    checkInTicket.refund();
    throw error;
  }
}

async function storeStoreEvent(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<{ id: string; spooled: boolean }> {
  // Legacy clients' base64/zlib bodies decoded; invalid UTF-8, NUL and lone surrogates are
  // decoded/replaced like every JSON body (400 when not JSON).
  const payload = parseJsonBytes(utf8Body(req, decodeLegacyStoreBody(body, LIMITS.store.maxDecodedBytes)));
  await authenticateWithBodyDsn(req, project, undefined);
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  // An event; or a transaction (dropped on purpose, answered with its id) or user feedback, by its `type`.
  const { eventId, events, feedback } = countDropped(target, 1, () => unpackStoreBody(payload));
  const stored = await storeSentryEvents(project, events, ticket, requestSentAt(req), feedback.length);
  if (feedback.length === 0) return { id: eventId, spooled: stored.spooled };
  const items = await storeNonEventItems(target, { feedback });
  ticket.keep();
  return { id: eventId, spooled: items.spooled };
}

/**
 * A native crash uploaded as multipart/form-data with its minidump (Crashpad, Breakpad, Electron):
 * the event, and the dump and the upload's other files as its attachments (unless it was filtered).
 */
async function storeMinidump(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<{ id: string; spooled: boolean }> {
  const parts = parseMultipart(body, req.headers.get("content-type") ?? undefined);
  await authenticateWithBodyDsn(req, project, undefined);
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  const events = countDropped(target, 1, () => unpackStoreEvent(unpackMinidumpUpload(parts)));
  const eventId = events[0].eventId!;
  const stored = await storeSentryEvents(project, events, ticket);
  const items = stored.filtered.has(eventId) ? { spooled: false } : await storeNonEventItems(target, { attachments: minidumpUploadAttachments(parts, eventId) });
  return { id: eventId, spooled: stored.spooled || items.spooled };
}

/**
 * Browsers' Content-Security-Policy violation reports (report-uri or the Reporting API): one event
 * per violation, grouped by directive and blocked host (lib/sentry/security), in the environment and
 * release the report URL names. A batch without a CSP violation stores nothing and answers `{"id": null}`.
 */
async function storeSecurityReports(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<{ id: string | null; spooled: boolean }> {
  const payload = parseJsonBytes(utf8Body(req, body));
  await authenticateWithBodyDsn(req, project, undefined);
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  // The report URL's sentry_environment / sentry_release: validated (clipped) with each event like an SDK's.
  const scope = reportScopeOf(fieldsOf(new URL(req.url).searchParams));
  const events = countDropped(target, 1, () => mapSecurityReports(payload, req.headers.get("user-agent") ?? undefined, scope).flatMap((report) => unpackStoreEvent(report)));
  const { spooled } = await storeSentryEvents(project, events, ticket);
  return { id: events[0]?.eventId ?? null, spooled };
}

/**
 * An Unreal Engine crash report from the engine's Crash Report Client (lib/sentry/unreal): one event,
 * the report's files attached to it, the player's description as its user report. Authenticated by
 * the key in the path before the body was read.
 */
async function storeUnrealCrash(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<{ id: string; spooled: boolean }> {
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  const crash = await readUnrealCrash(body, MAX_UNREAL_REPORT_BYTES).catch((error: unknown) => {
    countIngest(target, "dropped", 1);
    throw error;
  });
  const contents = countDropped(target, 1, () => unrealCrashEvent(crash));
  const events = countDropped(target, 1, () => unpackStoreEvent(contents.event));
  const stored = await storeSentryEvents(project, events, ticket, undefined, contents.feedback.length);
  const items = stored.filtered.size > 0 ? { spooled: false } : await storeNonEventItems(target, { feedback: contents.feedback, attachments: contents.attachments });
  return { id: events[0].eventId!, spooled: stored.spooled || items.spooled };
}

const STORES: Record<SentryEndpoint, (req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket) => Promise<{ id: string | null; spooled: boolean }>> = {
  envelope: storeEnvelope,
  store: storeStoreEvent,
  minidump: storeMinidump,
  security: storeSecurityReports,
  unreal: storeUnrealCrash,
};

/**
 * Admits and stores a request's events (true when they were spooled). Events beyond the one
 * admitted before the body was read must fit the limits too (429 otherwise); `otherItems` (user
 * feedback and check-ins the caller stores itself) count against the project's rate limit and
 * quotas like events, so a public DSN cannot be used to write without bound. `sentAt` (when the SDK
 * sent the request, by its clock) corrects a wrong device clock (lib/sentry/correctEventTime.ts).
 */
async function storeSentryEvents(project: SentryProject, events: IngestEvent[], ticket: QuotaTicket, sentAt?: unknown, otherItems = 0): Promise<{ spooled: boolean; filtered: Set<string> }> {
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  if (events.length === 0) {
    await admitAll(target, ticket, otherItems);
    return { spooled: false, filtered: new Set() };
  }
  const receivedAt = new Date();
  const oldestKept = oldestAcceptedTime(receivedAt, (await loadIngestSettings(target.projectId)).retentionDays);
  // Filtered events are answered as received: the SDK sees its event id.
  const { kept, filtered, unprepared } = await prepareAndAdmit(target, ticket, events.map((e) => correctEventTime(e, sentAt, receivedAt, oldestKept)), receivedAt, otherItems, "sentry");
  const filteredIds = new Set(filtered.map((f) => f.eventId));
  if (kept.length === 0) return { spooled: false, filtered: filteredIds };
  const outcome = await storeAndFanOut(target, kept, samplingOptions(target, project, kept), unprepared);
  ticket.keep();
  return { spooled: outcome.spooled === true, filtered: filteredIds };
}

/** Bodies that carry their own DSN (envelopes): the key named there must agree, or be the only one. */
async function authenticateWithBodyDsn(req: IntakeRequest, project: SentryProject, dsn: unknown): Promise<void> {
  if (requestKey(req)) assertDsnAgrees(req, dsn);
  else await authenticateSentryRequest(req, project, dsn);
}

import { recordExecutions } from "@/lib/executions/recordExecutions";
import { ApiError } from "@/lib/http/ApiError";
import { readBody } from "@/lib/http/readBody";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import type { QuotaTicket } from "@/lib/intake/quotaLeases";
import { admit, admitAll } from "@/lib/intake/admission";
import { runIntake } from "@/lib/intake/runIntake";
import { storeAndFanOut } from "@/lib/intake/storeAndFanOut";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { assertDsnAgrees, authenticateSentryRequest, findSentryProject, requestKeys, type SentryProject } from "@/lib/sentry/authenticateSentryRequest";
import { assertOriginAllowed, corsHeaders, preflightHeaders } from "@/lib/sentry/corsHeaders";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { recordClientDiscards } from "@/lib/sentry/recordClientDiscards";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { countClientDiscards } from "@/lib/ingestHealth/countStoreOutcome";
import { countDropped } from "@/lib/ingestHealth/ingestCounters";

export type SentryEndpoint = "envelope" | "store";

const MIB = 1024 * 1024;
const LIMITS: Record<SentryEndpoint, { maxWireBytes: number; maxDecodedBytes: number }> = {
  envelope: { maxWireBytes: 20 * MIB, maxDecodedBytes: 20 * MIB },
  store: { maxWireBytes: MIB, maxDecodedBytes: MIB },
};

/**
 * The Sentry door, POST /api/:publicId/envelope/ and /store/: project from the URL (404), origin
 * check, the key in the URL or X-Sentry-Auth checked and the rate limit decided before the body is
 * read (else the envelope's dsn after it), bounded read and decode, validate, prepare, store. Every
 * answer, errors included, carries the CORS headers browser SDKs need to read it; success is 200 `{id}`.
 */
export function receiveSentry(req: IntakeRequest, endpoint: SentryEndpoint, publicId: string): Promise<IntakeResponse> {
  let cors = corsHeaders(req, null);
  return runIntake(
    `sentry_${endpoint}`,
    async () => {
      const project = await findSentryProject(publicId);
      cors = corsHeaders(req, project.allowedOrigins);
      assertOriginAllowed(req, project.allowedOrigins);
      if (requestKeys(req).length > 0) await authenticateSentryRequest(req, project);
      const ticket = await admit({ workspaceId: project.workspaceId, projectId: project.projectId }, project);
      try {
        const body = await readBody(req, LIMITS[endpoint]);
        const id = endpoint === "envelope" ? await storeEnvelope(req, project, body, ticket) : await storeStoreEvent(req, project, body, ticket);
        return { status: 200, headers: cors, body: { id } };
      } catch (error) {
        ticket.refund();
        throw error;
      }
    },
    () => cors,
  );
}

/** OPTIONS on the Sentry endpoints: CORS preflight for SDKs configured with custom headers. */
export async function answerSentryPreflight(req: IntakeRequest, publicId: string): Promise<IntakeResponse> {
  const project = await findSentryProject(publicId).catch(() => null);
  return { status: 204, headers: preflightHeaders(req, project?.allowedOrigins ?? null), body: null };
}

async function storeEnvelope(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<string | null> {
  const envelope = parseEnvelope(body);
  await authenticateWithBodyDsn(req, project, envelope.header.dsn);
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  // A malformed item refuses the whole envelope: counted as one dropped event.
  const contents = countDropped(target, 1, () => unpackEnvelope(envelope));
  await storeSentryEvents(project, contents.events, ticket);
  if (contents.sessions.length > 0) {
    await recordExecutions(
      target,
      contents.sessions.map((s) => ({ minute: new Date(s.minute), environment: s.environment, ok: s.ok, failed: s.errored, crashed: s.crashed })),
    );
  }
  if (contents.discards.length > 0) {
    await recordClientDiscards(project.projectId, contents.discards);
    countClientDiscards(target, contents.discards);
  }
  return contents.eventId;
}

async function storeStoreEvent(req: IntakeRequest, project: SentryProject, body: Buffer, ticket: QuotaTicket): Promise<string> {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    throw ApiError.badRequest("body is not valid JSON");
  }
  await authenticateWithBodyDsn(req, project, undefined);
  const events = countDropped({ workspaceId: project.workspaceId, projectId: project.projectId }, 1, () => unpackStoreEvent(payload));
  await storeSentryEvents(project, events, ticket);
  return events[0].eventId!;
}

/** Events beyond the one admitted before the body was read must fit the limits too (429 otherwise). */
async function storeSentryEvents(project: SentryProject, events: IngestEvent[], ticket: QuotaTicket): Promise<void> {
  await admitAll({ workspaceId: project.workspaceId, projectId: project.projectId }, ticket, events.length);
  if (events.length === 0) return;
  const receivedAt = new Date();
  const rules = await loadGroupingRules(project.projectId);
  await storeAndFanOut({ workspaceId: project.workspaceId, projectId: project.projectId }, events.map((e) => prepareEvent(e, receivedAt, rules)));
  ticket.keep();
}

/** Bodies that carry their own DSN (envelopes): the key named there must agree, or be the only one. */
async function authenticateWithBodyDsn(req: IntakeRequest, project: SentryProject, dsn: unknown): Promise<void> {
  if (requestKeys(req).length > 0) assertDsnAgrees(req, dsn);
  else await authenticateSentryRequest(req, project, dsn);
}

import { authenticateWithBodyDsn, sentryPost, sentryPreflight } from "@/lib/sentry/handleSentryRequest";
import { ingestEnvelope } from "@/lib/sentry/ingestEnvelope";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";

const MIB = 1024 * 1024;

/** POST /api/:projectId/envelope/ — Sentry envelopes from any official SDK. */
export const POST = sentryPost("sentry_envelope", { maxWireBytes: 20 * MIB, maxDecodedBytes: 20 * MIB }, async (project, body, req) => {
  const envelope = parseEnvelope(body);
  await authenticateWithBodyDsn(req, project, envelope.header.dsn);
  const outcome = await ingestEnvelope(project, envelope);
  return { id: outcome.eventId };
});

export const OPTIONS = sentryPreflight();

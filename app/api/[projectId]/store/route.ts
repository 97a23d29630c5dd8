import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { authenticateWithBodyDsn, sentryPost, sentryPreflight } from "@/lib/sentry/handleSentryRequest";
import { ingestStoreEvent } from "@/lib/sentry/ingestEnvelope";

const MIB = 1024 * 1024;

/** POST /api/:projectId/store/ — the legacy single-event endpoint (JSON body). */
export const POST = sentryPost("sentry_store", { maxWireBytes: MIB, maxDecodedBytes: MIB }, async (project, body, req) => {
  const payload = parseJsonBytes(body);
  await authenticateWithBodyDsn(req, project, undefined);
  return { id: await ingestStoreEvent(project, payload) };
});

export const OPTIONS = sentryPreflight();

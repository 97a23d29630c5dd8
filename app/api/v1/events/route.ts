import { authenticateIngestKey } from "@/lib/auth/ingestKeyAuth";
import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { readEventsKey } from "@/lib/auth/readEventsKey";
import { handle } from "@/lib/http/handle";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { ingestPreflight, withIngestCors } from "@/lib/http/ingestCors";
import { readBody } from "@/lib/http/readBody";
import { ingestEvents } from "@/lib/ingest/ingestEvents";
import { MAX_BATCH_BYTES } from "@/lib/ingest/parseIngestBody";

/**
 * POST /api/v1/events — one event or a batch of up to 1,000; 202 once committed. Browsers may send
 * the key as `?key=` with a text/plain body (sendBeacon); answers carry CORS headers.
 */
export const POST = withIngestCors(
  handle(async (req: Request) => {
    const auth = await authenticateIngestKey(readEventsKey(req));
    assertKeyProject(auth, req);
    assertJsonContentType(req, { allowTextPlain: true });
    const body = await readBody(req, { maxWireBytes: MAX_BATCH_BYTES, maxDecodedBytes: MAX_BATCH_BYTES });
    const result = await ingestEvents(auth, body);
    return Response.json(result, { status: 202 });
  }, { metricsEndpoint: "events" }),
);

/** CORS preflight for browser clients that send the key in a header. */
export const OPTIONS = async (): Promise<Response> => ingestPreflight();

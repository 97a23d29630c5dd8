import { authenticateIngestKey, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { handle } from "@/lib/http/handle";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { readBody } from "@/lib/http/readBody";
import { ingestEvents } from "@/lib/ingest/ingestEvents";
import { MAX_BATCH_BYTES } from "@/lib/ingest/parseIngestBody";

/** POST /api/v1/events — one event or a batch of up to 1,000; 202 once committed. */
export const POST = handle(async (req: Request) => {
  const auth = await authenticateIngestKey(readIngestKey(req));
  assertKeyProject(auth, req);
  assertJsonContentType(req);
  const body = await readBody(req, { maxWireBytes: MAX_BATCH_BYTES, maxDecodedBytes: MAX_BATCH_BYTES });
  const result = await ingestEvents(auth, body);
  return Response.json(result, { status: 202 });
}, { metricsEndpoint: "events" });

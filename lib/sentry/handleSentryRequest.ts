import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { readBody } from "@/lib/http/readBody";
import { runLogged } from "@/lib/http/requestLog";
import { recordIngestRequest } from "@/lib/metrics/recordIngestRequest";
import { assertDsnAgrees, authenticateSentryRequest, findSentryProject, requestKeys, type SentryProject } from "@/lib/sentry/authenticateSentryRequest";
import { assertOriginAllowed, corsHeaders, preflightHeaders } from "@/lib/sentry/corsHeaders";

export interface SentryBodyLimits {
  maxWireBytes: number;
  maxDecodedBytes: number;
}

type Params = { params: Promise<{ projectId: string }> };

/**
 * The common path of the Sentry endpoints: project from the URL (404), origin check, key from the
 * URL/header checked before the body is read, bounded body read and decode, then `ingest`. Every
 * answer, errors included, carries the CORS headers browser SDKs need to read it.
 */
export function sentryPost(
  endpoint: "sentry_envelope" | "sentry_store",
  limits: SentryBodyLimits,
  ingest: (project: SentryProject, body: Buffer, req: Request) => Promise<{ id: string | null; dsn?: unknown }>,
) {
  return (req: Request, { params }: Params): Promise<Response> => runLogged(req, async () => {
    const started = performance.now();
    let cors = corsHeaders(req, null);
    let response: Response;
    try {
      const project = await findSentryProject((await params).projectId);
      cors = corsHeaders(req, project.allowedOrigins);
      assertOriginAllowed(req, project.allowedOrigins);
      const keyInRequest = requestKeys(req).length > 0;
      if (keyInRequest) await authenticateSentryRequest(req, project);
      const body = await readBody(req, limits);
      const result = await ingest(project, body, req);
      response = Response.json({ id: result.id }, { headers: cors });
    } catch (error) {
      response = toErrorResponse(error, cors);
    }
    recordIngestRequest(endpoint, response.status, (performance.now() - started) / 1000);
    return response;
  });
}

/** Authentication for bodies that carry their own DSN (envelopes): called by `ingest` after parsing. */
export async function authenticateWithBodyDsn(req: Request, project: SentryProject, dsn: unknown): Promise<void> {
  if (requestKeys(req).length > 0) assertDsnAgrees(req, dsn);
  else await authenticateSentryRequest(req, project, dsn);
}

/** CORS preflight for SDKs configured with custom headers. */
export function sentryPreflight() {
  return async (req: Request, { params }: Params): Promise<Response> => {
    const project = await findSentryProject((await params).projectId).catch(() => null);
    return new Response(null, { status: 204, headers: preflightHeaders(req, project?.allowedOrigins ?? null) });
  };
}

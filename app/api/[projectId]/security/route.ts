import { runLogged } from "@/lib/http/requestLog";
import { fromFetchRequest, toFetchResponse } from "@/lib/intake/fetchAdapter";
import { answerSentryPreflight, receiveSentry } from "@/lib/intake/receiveSentry";

type Params = { params: Promise<{ projectId: string }> };

/** POST /api/:projectId/security/ — browsers' Content-Security-Policy violation reports (report-uri, Reporting API; lib/intake). */
export async function POST(req: Request, { params }: Params): Promise<Response> {
  return runLogged(req, async () => toFetchResponse(await receiveSentry(fromFetchRequest(req), "security", (await params).projectId)));
}

export async function OPTIONS(req: Request, { params }: Params): Promise<Response> {
  return toFetchResponse(await answerSentryPreflight(fromFetchRequest(req), (await params).projectId));
}

import { runLogged } from "@/lib/http/requestLog";
import { fromFetchRequest, toFetchResponse } from "@/lib/intake/fetchAdapter";
import { answerSentryPreflight, receiveSentry } from "@/lib/intake/receiveSentry";

type Params = { params: Promise<{ projectId: string }> };

/** POST /api/:projectId/minidump/ — a native crash's minidump as multipart/form-data (Crashpad, Breakpad, Electron; lib/intake). */
export async function POST(req: Request, { params }: Params): Promise<Response> {
  return runLogged(req, async () => toFetchResponse(await receiveSentry(fromFetchRequest(req), "minidump", (await params).projectId)));
}

export async function OPTIONS(req: Request, { params }: Params): Promise<Response> {
  return toFetchResponse(await answerSentryPreflight(fromFetchRequest(req), (await params).projectId));
}

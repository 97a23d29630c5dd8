import { runLogged } from "@/lib/http/requestLog";
import { fromFetchRequest, toFetchResponse } from "@/lib/intake/fetchAdapter";
import { receiveSentry } from "@/lib/intake/receiveSentry";

type Params = { params: Promise<{ projectId: string; key: string }> };

/** POST /api/:projectId/unreal/:key/ — an Unreal Engine crash report from the engine's Crash Report Client (lib/intake, lib/sentry/unreal). */
export async function POST(req: Request, { params }: Params): Promise<Response> {
  const { projectId, key } = await params;
  return runLogged(req, async () => toFetchResponse(await receiveSentry(fromFetchRequest(req), "unreal", projectId, key)));
}

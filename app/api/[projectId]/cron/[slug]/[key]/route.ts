import { runLogged } from "@/lib/http/requestLog";
import { fromFetchRequest, toFetchResponse } from "@/lib/intake/fetchAdapter";
import { receiveCronCheckIn } from "@/lib/intake/receiveCronCheckIn";

type Params = { params: Promise<{ projectId: string; slug: string; key: string }> };

async function checkIn(req: Request, { params }: Params): Promise<Response> {
  const { projectId, slug, key } = await params;
  return runLogged(req, async () => toFetchResponse(await receiveCronCheckIn(fromFetchRequest(req), projectId, slug, key)));
}

/** GET|POST /api/:projectId/cron/:monitorSlug/:sentryKey/ — a cron monitor's check-in over plain HTTP (lib/intake). */
export const GET = checkIn;
export const POST = checkIn;

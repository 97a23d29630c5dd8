import { runLogged } from "@/lib/http/requestLog";
import { fromFetchRequest, toFetchResponse } from "@/lib/intake/fetchAdapter";
import { receiveExecutions } from "@/lib/intake/receiveExecutions";

/** POST /api/v1/executions — execution/request counts (ok, failed) per agent and minute. */
export async function POST(req: Request): Promise<Response> {
  return runLogged(req, async () => toFetchResponse(await receiveExecutions(fromFetchRequest(req))));
}

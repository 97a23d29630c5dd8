import { runLogged } from "@/lib/http/requestLog";
import { fromFetchRequest, toFetchResponse } from "@/lib/intake/fetchAdapter";
import { answerEventsPreflight, receiveEvents } from "@/lib/intake/receiveEvents";

/** POST /api/v1/events — one event or a batch of up to 1,000; 202 once committed (lib/intake). */
export async function POST(req: Request): Promise<Response> {
  return runLogged(req, async () => toFetchResponse(await receiveEvents(fromFetchRequest(req))));
}

/** CORS preflight for browser clients that send the key in a header. */
export async function OPTIONS(): Promise<Response> {
  return toFetchResponse(answerEventsPreflight());
}

import { bodySourceOf } from "@/lib/http/requestHead";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";

/** A route handler's Fetch Request as an intake request (the body is read as it arrives). */
export function fromFetchRequest(req: Request): IntakeRequest {
  return { method: req.method, url: req.url, headers: req.headers, body: bodySourceOf(req).body };
}

export function toFetchResponse(res: IntakeResponse): Response {
  if (res.body === null || res.body === undefined) return new Response(null, { status: res.status, headers: res.headers });
  return Response.json(res.body, { status: res.status, headers: res.headers });
}

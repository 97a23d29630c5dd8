import { answerHealth } from "@/lib/health/answerHealth";

export const dynamic = "force-dynamic";

/** GET /api/health — see lib/health/answerHealth.ts. */
export function GET(req: Request): Promise<Response> {
  return answerHealth(req);
}

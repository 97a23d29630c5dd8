import { pingDatabase } from "@/lib/db/ping";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when the database answers, 503 otherwise. */
export async function GET() {
  const database = await pingDatabase();
  return Response.json({ status: database ? "ok" : "degraded", database }, { status: database ? 200 : 503 });
}

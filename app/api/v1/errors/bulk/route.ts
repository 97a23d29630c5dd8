import { requireSessionUser } from "@/lib/auth/session";
import { BulkRequestSchema, type BulkProgress } from "@/lib/errors/bulk/bulkSchemas";
import { prepareBulk } from "@/lib/errors/bulk/bulkUpdate";
import { handle } from "@/lib/http/handle";
import { ndjsonProgress, wantsNdjson } from "@/lib/http/ndjsonProgress";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/**
 * POST /api/v1/errors/bulk — resolve / ignore / reopen / assign / merge many issues in one request,
 * audited per issue. With `Accept: application/x-ndjson` the answer streams progress lines.
 */
export const POST = handle(async (req: Request) => {
  const input = parseWith(BulkRequestSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  const bulk = await prepareBulk(auth, input);
  if (wantsNdjson(req)) return ndjsonProgress<BulkProgress, unknown>((progress) => bulk.run(progress));
  return Response.json(await bulk.run());
});

import { requireSessionUser } from "@/lib/auth/session";
import { mergeErrors } from "@/lib/grouping/merge/mergeErrors";
import { MergeErrorsSchema } from "@/lib/grouping/merge/mergeSchemas";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/** POST /api/v1/errors/merge — {targetId, sourceIds}: the sources become part of the target (members and admins). */
export const POST = handle(async (req: Request) => {
  const input = parseWith(MergeErrorsSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await mergeErrors(auth, input));
});

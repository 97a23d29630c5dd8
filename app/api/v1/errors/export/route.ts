import { requireSessionUser } from "@/lib/auth/session";
import { ExportErrorsQuerySchema } from "@/lib/errors/errorSchemas";
import { exportIssues } from "@/lib/export/exportIssues";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

/** GET /api/v1/errors/export?format=csv|json&query=… — the filtered issue list, streamed (members and admins). */
export const GET = handle(async (req: Request) => {
  const query = parseSearchParams(ExportErrorsQuerySchema, req);
  const auth = await requireSessionUser(req);
  return exportIssues(auth, query);
});

import { authenticate } from "@/lib/auth/authenticate";
import { ListErrorsQuerySchema } from "@/lib/errors/errorSchemas";
import { listErrors } from "@/lib/errors/listErrors";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

/** GET /api/v1/errors — error groups in the caller's workspaces, filtered, sorted, paged. */
export const GET = handle(async (req: Request) => {
  const query = parseSearchParams(ListErrorsQuerySchema, req);
  const auth = await authenticate(req);
  return Response.json(await listErrors(auth, query));
});

import { authenticate } from "@/lib/auth/authenticate";
import { requireSessionUser } from "@/lib/auth/session";
import { deleteIssue } from "@/lib/errors/deleteIssue";
import { UpdateErrorSchema } from "@/lib/errors/errorSchemas";
import { getErrorDetails } from "@/lib/errors/getErrorDetails";
import { updateError } from "@/lib/errors/updateError";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id — one group with recent occurrences and its audit trail. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await authenticate(req);
  return Response.json(await getErrorDetails(auth, id));
});

/** PATCH /api/v1/errors/:id — status, assignee, resolution fields (members and admins). */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(UpdateErrorSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateError(auth, id, input));
});

/** DELETE /api/v1/errors/:id — delete the issue with its events (admins): 202, gone at once, its rows deleted in the background. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await deleteIssue(auth, id), { status: 202 });
});

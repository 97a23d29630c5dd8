import { requireSessionUser } from "@/lib/auth/session";
import { IssueLinkParamsSchema, deleteIssueLink } from "@/lib/errors/links/issueLinks";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string; linkId: string }> };

/** DELETE /api/v1/errors/:id/links/:linkId — members and admins; audited. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id, linkId } = parseWith(IssueLinkParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteIssueLink(auth, id, linkId);
  return new Response(null, { status: 204 });
});

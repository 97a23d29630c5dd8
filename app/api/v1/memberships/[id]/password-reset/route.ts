import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { MembershipParamsSchema } from "@/lib/memberships/membershipSchemas";
import { createMemberPasswordReset } from "@/lib/passwordResets/createMemberPasswordReset";
import { linkOrigin } from "@/lib/projects/publicOrigin";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/memberships/:id/password-reset — 201 {url, expiresAt}: a one-time reset link for the member (admins). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MembershipParamsSchema, await params);
  const auth = await requireSessionUser(req);
  const link = await createMemberPasswordReset(auth, id, linkOrigin());
  return Response.json(link, { status: 201, headers: { "cache-control": "no-store" } });
});

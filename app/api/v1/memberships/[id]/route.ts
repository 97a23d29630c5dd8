import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { MembershipParamsSchema, UpdateMembershipSchema } from "@/lib/memberships/membershipSchemas";
import { removeMembership } from "@/lib/memberships/removeMembership";
import { updateMembership } from "@/lib/memberships/updateMembership";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/memberships/:id {role} — admins; the last admin cannot be demoted (409). */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MembershipParamsSchema, await params);
  const input = parseWith(UpdateMembershipSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateMembership(auth, id, input));
});

/** DELETE /api/v1/memberships/:id — an admin removes a member, or a user leaves; never the last admin (409). */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MembershipParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await removeMembership(auth, id);
  return new Response(null, { status: 204 });
});

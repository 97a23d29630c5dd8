import { requireSessionUser } from "@/lib/auth/session";
import { deleteForwardingRule } from "@/lib/forwarding/rules/deleteForwardingRule";
import { ForwardingRuleParamsSchema, UpdateForwardingRuleSchema } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import { updateForwardingRule } from "@/lib/forwarding/rules/updateForwardingRule";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/forwarding-rules/:id — masked values sent back are kept as they are (admins). */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(ForwardingRuleParamsSchema, await params);
  const input = parseWith(UpdateForwardingRuleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateForwardingRule(auth, id, input));
});

/** DELETE /api/v1/forwarding-rules/:id — the rule and its delivery log (admins); 204. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(ForwardingRuleParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteForwardingRule(auth, id);
  return new Response(null, { status: 204 });
});

import { deleteRule } from "@/lib/alerts/rules/deleteRule";
import { UpdateRuleSchema } from "@/lib/alerts/rules/ruleSchemas";
import { updateRule } from "@/lib/alerts/rules/updateRule";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/alert-rules/:id — thresholds, windows, escalation, enabled (admins). */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(UpdateRuleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateRule(auth, id, input));
});

/** DELETE /api/v1/alert-rules/:id — custom rules only; built-in ones can be disabled (admins). */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  await deleteRule(auth, id);
  return new Response(null, { status: 204 });
});

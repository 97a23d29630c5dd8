import { createRule } from "@/lib/alerts/rules/createRule";
import { listRules } from "@/lib/alerts/rules/listRules";
import { CreateRuleSchema } from "@/lib/alerts/rules/ruleSchemas";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/alert-rules — every rule, built-in ones included (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listRules(auth, { workspaceId }));
});

/** POST /api/v1/workspaces/:workspaceId/alert-rules — a custom rule (admins). */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateRuleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createRule(auth, workspaceId, input), { status: 201 });
});

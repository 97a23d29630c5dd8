import { requireSessionUser } from "@/lib/auth/session";
import { createForwardingRule } from "@/lib/forwarding/rules/createForwardingRule";
import { CreateForwardingRuleSchema } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import { listForwardingRules } from "@/lib/forwarding/rules/listForwardingRules";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/forwarding-rules — the project's rules, secrets masked (every member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listForwardingRules(auth, projectId));
});

/** POST /api/v1/projects/:projectId/forwarding-rules — adds a rule (admins); 201. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const input = parseWith(CreateForwardingRuleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createForwardingRule(auth, projectId, input), { status: 201, headers: { "cache-control": "no-store" } });
});

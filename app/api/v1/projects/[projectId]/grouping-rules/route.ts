import { requireSessionUser } from "@/lib/auth/session";
import { getGroupingRules, saveGroupingRules } from "@/lib/grouping/rules/groupingRulesStore";
import { GroupingRulesBodySchema } from "@/lib/grouping/rules/groupingRuleSchemas";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:id/grouping-rules — the project's grouping rules (any member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getGroupingRules(auth, projectId));
});

/** POST /api/v1/projects/:id/grouping-rules — {rules}: replaces the list (admins); applies to new events. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const { rules } = parseWith(GroupingRulesBodySchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await saveGroupingRules(auth, projectId, rules));
});

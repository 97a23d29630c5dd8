import { requireSessionUser } from "@/lib/auth/session";
import { GroupingRulesBodySchema } from "@/lib/grouping/rules/groupingRuleSchemas";
import { previewGroupingRules } from "@/lib/grouping/rules/previewGroupingRules";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** POST /api/v1/projects/:id/grouping-rules/preview — {rules}: the dry run over recent events (which issues merge or split). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const { rules } = parseWith(GroupingRulesBodySchema, await readJson(req));
  const auth = await requireSessionUser(req, { dryRun: true });
  return Response.json(await previewGroupingRules(auth, projectId, rules));
});

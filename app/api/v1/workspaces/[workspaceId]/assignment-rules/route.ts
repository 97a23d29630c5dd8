import { CreateAssignmentRuleSchema } from "@/lib/assignment/assignmentSchemas";
import { createAssignmentRule } from "@/lib/assignment/createAssignmentRule";
import { listAssignmentRules } from "@/lib/assignment/listAssignmentRules";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/assignment-rules — in evaluation order (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listAssignmentRules(auth, workspaceId));
});

/** POST /api/v1/workspaces/:workspaceId/assignment-rules {name, conditions, assignee, enabled} — appended last (admins). */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateAssignmentRuleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createAssignmentRule(auth, workspaceId, input), { status: 201 });
});

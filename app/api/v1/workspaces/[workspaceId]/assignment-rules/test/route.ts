import { TestAssignmentSchema } from "@/lib/assignment/assignmentSchemas";
import { testAssignmentRules } from "@/lib/assignment/testAssignmentRules";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** POST /api/v1/workspaces/:workspaceId/assignment-rules/test {errorId, rule?} — which rule would assign the issue, and why. */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(TestAssignmentSchema, await readJson(req));
  const auth = await requireSessionUser(req, { dryRun: true });
  return Response.json(await testAssignmentRules(auth, workspaceId, input));
});

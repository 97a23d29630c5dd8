import { AssignmentRuleParamsSchema, UpdateAssignmentRuleSchema } from "@/lib/assignment/assignmentSchemas";
import { deleteAssignmentRule } from "@/lib/assignment/deleteAssignmentRule";
import { updateAssignmentRule } from "@/lib/assignment/updateAssignmentRule";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/assignment-rules/:id {name?, conditions?, assignee?, enabled?, position?} — admins. */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(AssignmentRuleParamsSchema, await params);
  const input = parseWith(UpdateAssignmentRuleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateAssignmentRule(auth, id, input));
});

/** DELETE /api/v1/assignment-rules/:id — admins. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(AssignmentRuleParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteAssignmentRule(auth, id);
  return new Response(null, { status: 204 });
});

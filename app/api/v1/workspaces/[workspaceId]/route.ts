import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { deleteWorkspace } from "@/lib/workspaces/deleteWorkspace";
import { updateWorkspace } from "@/lib/workspaces/updateWorkspace";
import { DeleteWorkspaceSchema, deleteWorkspaceInput, UpdateWorkspaceSchema } from "@/lib/workspaces/workspaceSchemas";

/** PATCH /api/v1/workspaces/:workspaceId {name?, requireTwoFactor?} — admins. */
export const PATCH = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(UpdateWorkspaceSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateWorkspace(auth, workspaceId, input));
});

/**
 * DELETE /api/v1/workspaces/:workspaceId {confirm} (or ?confirm=) — admins with a signed-in session:
 * the workspace's name typed again. 202: unreachable at once, its rows deleted in the background.
 */
export const DELETE = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = deleteWorkspaceInput(parseSearchParams(DeleteWorkspaceSchema, req), parseWith(DeleteWorkspaceSchema, await readJson(req)));
  const auth = await requireSessionUser(req);
  return Response.json(await deleteWorkspace(auth, workspaceId, input), { status: 202 });
});

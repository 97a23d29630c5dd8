import { CreateChannelSchema } from "@/lib/alerts/channels/channelSchemas";
import { createChannel } from "@/lib/alerts/channels/createChannel";
import { listChannels } from "@/lib/alerts/channels/listChannels";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/channels — secrets masked (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listChannels(auth, { workspaceId }));
});

/** POST /api/v1/workspaces/:workspaceId/channels — webhook, slack, email, pagerduty, discord or teams (admins). */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateChannelSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createChannel(auth, workspaceId, input), { status: 201 });
});

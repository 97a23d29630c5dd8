import { UpdateChannelSchema } from "@/lib/alerts/channels/channelSchemas";
import { deleteChannel } from "@/lib/alerts/channels/deleteChannel";
import { updateChannel } from "@/lib/alerts/channels/updateChannel";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/channels/:id — masked values sent back are kept as they are (admins). */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(UpdateChannelSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateChannel(auth, id, input));
});

/** DELETE /api/v1/channels/:id (admins). */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  await deleteChannel(auth, id);
  return new Response(null, { status: 204 });
});

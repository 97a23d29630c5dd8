import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { setCheck, SetCheckSchema } from "@/lib/investigation/setCheck";

type Ctx = { params: Promise<{ id: string }> };

/** PUT /api/v1/errors/:id/investigation/checks `{key, checked}` — tick a checklist item (members and admins). */
export const PUT = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(SetCheckSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await setCheck(auth, id, input));
});

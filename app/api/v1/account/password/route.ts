import { ChangePasswordSchema } from "@/lib/account/accountSchemas";
import { changePassword } from "@/lib/account/changePassword";
import { clientInfo } from "@/lib/auth/clientInfo";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/** POST /api/v1/account/password {currentPassword, newPassword} — other sessions are signed out. */
export const POST = handle(async (req: Request) => {
  const input = parseWith(ChangePasswordSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await changePassword(auth, input, clientInfo(req)));
});

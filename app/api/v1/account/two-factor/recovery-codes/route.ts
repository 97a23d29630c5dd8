import { clientInfo } from "@/lib/auth/clientInfo";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { regenerateRecoveryCodes } from "@/lib/twoFactor/regenerateRecoveryCodes";
import { ConfirmPasswordSchema } from "@/lib/twoFactor/twoFactorSchemas";

/** POST /api/v1/account/two-factor/recovery-codes {password} — ten new recovery codes, once; the old ones stop working. */
export const POST = handle(async (req: Request) => {
  const { password } = parseWith(ConfirmPasswordSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await regenerateRecoveryCodes(auth, password, clientInfo(req)), { headers: { "cache-control": "no-store" } });
});

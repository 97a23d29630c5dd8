import { clientInfo } from "@/lib/auth/clientInfo";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { publicOrigin } from "@/lib/projects/publicOrigin";
import { beginTwoFactorSetup } from "@/lib/twoFactor/beginTwoFactorSetup";
import { ConfirmPasswordSchema } from "@/lib/twoFactor/twoFactorSchemas";

/** POST /api/v1/account/two-factor/setup {password} — a new authenticator secret and its otpauth:// URI, to confirm with a code. */
export const POST = handle(async (req: Request) => {
  const { password } = parseWith(ConfirmPasswordSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await beginTwoFactorSetup(auth, password, clientInfo(req), publicOrigin(req)), { headers: { "cache-control": "no-store" } });
});

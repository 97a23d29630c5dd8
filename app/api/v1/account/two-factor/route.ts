import { clientInfo } from "@/lib/auth/clientInfo";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { disableTwoFactor } from "@/lib/twoFactor/disableTwoFactor";
import { enableTwoFactor } from "@/lib/twoFactor/enableTwoFactor";
import { DisableTwoFactorSchema, EnableTwoFactorSchema } from "@/lib/twoFactor/twoFactorSchemas";
import { twoFactorStatus } from "@/lib/twoFactor/twoFactorStatus";

/** GET /api/v1/account/two-factor — `{enabled, enabledAt, recoveryCodesLeft}`. */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await twoFactorStatus(auth), { headers: { "cache-control": "no-store" } });
});

/** POST /api/v1/account/two-factor {code} — confirms the setup: on from now; the recovery codes, once. */
export const POST = handle(async (req: Request) => {
  const { code } = parseWith(EnableTwoFactorSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await enableTwoFactor(auth, code), { headers: { "cache-control": "no-store" } });
});

/** DELETE /api/v1/account/two-factor {password, code} — turns it off. */
export const DELETE = handle(async (req: Request) => {
  const input = parseWith(DisableTwoFactorSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await disableTwoFactor(auth, input, clientInfo(req)));
});

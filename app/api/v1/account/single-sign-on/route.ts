import { singleSignOnStatus } from "@/lib/account/singleSignOnStatus";
import { unlinkSingleSignOn } from "@/lib/account/unlinkSingleSignOn";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";

/** GET /api/v1/account/single-sign-on — `{provider, identities: [{issuer, linkedAt, lastUsedAt}]}`. */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await singleSignOnStatus(auth));
});

/** DELETE /api/v1/account/single-sign-on — unlinks the provider identities: `{unlinked}`. */
export const DELETE = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await unlinkSingleSignOn(auth));
});

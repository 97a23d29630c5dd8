import { ApiTokenParamsSchema } from "@/lib/apiTokens/apiTokenSchemas";
import { revokeApiToken } from "@/lib/apiTokens/revokeApiToken";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ tokenId: string }> };

/** DELETE /api/v1/account/tokens/:tokenId — revokes one of your API tokens. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { tokenId } = parseWith(ApiTokenParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await revokeApiToken(auth, tokenId);
  return new Response(null, { status: 204 });
});

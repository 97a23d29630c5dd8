import { CreateApiTokenSchema } from "@/lib/apiTokens/apiTokenSchemas";
import { createApiToken } from "@/lib/apiTokens/createApiToken";
import { listApiTokens } from "@/lib/apiTokens/listApiTokens";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/** GET /api/v1/account/tokens — your API tokens (never the tokens themselves). */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await listApiTokens(auth));
});

/** POST /api/v1/account/tokens — a new API token `{name, scope: "read"|"write", expiresInDays?}`; the token is in this answer only. */
export const POST = handle(async (req: Request) => {
  const input = parseWith(CreateApiTokenSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createApiToken(auth, input), { status: 201 });
});

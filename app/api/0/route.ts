import { sentryAuthInfo } from "@/lib/apiTokens/sentryAuthInfo";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";

/** GET /api/0/ — who the token is and what it may do, as `sentry-cli info` checks a configuration. */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await sentryAuthInfo(auth));
});

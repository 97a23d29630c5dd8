import { clientInfo } from "@/lib/auth/clientInfo";
import { signInResponse } from "@/lib/auth/signInResponse";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { completePasswordReset } from "@/lib/passwordResets/completePasswordReset";
import { describePasswordReset } from "@/lib/passwordResets/findPasswordReset";
import { CompletePasswordResetSchema, ResetTokenParamsSchema } from "@/lib/passwordResets/passwordResetSchemas";

type Ctx = { params: Promise<{ token: string }> };

/** GET /api/v1/password-resets/:token — the email whose password the link resets; 410 once used or expired. */
export const GET = handle(async (_req: Request, { params }: Ctx) => {
  const { token } = parseWith(ResetTokenParamsSchema, await params);
  return Response.json(await describePasswordReset(token), { headers: { "cache-control": "no-store" } });
});

/** POST /api/v1/password-resets/:token {password} — sets it, signs out every other session, signs in (or asks for the two-factor code). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { token } = parseWith(ResetTokenParamsSchema, await params);
  const { password } = parseWith(CompletePasswordResetSchema, await readJson(req));
  return signInResponse(req, await completePasswordReset(token, password, clientInfo(req)));
});

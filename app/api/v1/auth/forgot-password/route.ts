import { after } from "next/server";
import { clientAddress } from "@/lib/auth/clientAddress";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { ForgotPasswordSchema } from "@/lib/passwordResets/passwordResetSchemas";
import { requestPasswordResetEmail } from "@/lib/passwordResets/requestPasswordResetEmail";

/**
 * POST /api/v1/auth/forgot-password {email} — 202 `{ok: true}` whether or not an account uses the
 * email (the link is made and mailed after the answer); 429 + Retry-After per email and per client
 * address; 503 `email_unavailable` without SMTP_URL and PUBLIC_URL.
 */
export const POST = handle(async (req: Request) => {
  const { email } = parseWith(ForgotPasswordSchema, await readJson(req));
  after(await requestPasswordResetEmail(email, clientAddress(req)));
  return Response.json({ ok: true }, { status: 202 });
});

import { countResetEmailRequest } from "@/lib/auth/resetEmailThrottle";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import { logger } from "@/lib/logger";
import { smtpTransport } from "@/lib/mail/smtpTransport";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";
import { passwordResetEmail } from "@/lib/passwordResets/passwordResetEmail";
import { resetEmailAvailable } from "@/lib/passwordResets/resetEmailAvailable";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * POST /api/v1/auth/forgot-password {email}: checks what is the same for every email — email
 * configured (resetEmailAvailable, else 503 `email_unavailable`), the per-email and per-address
 * limits (429) — and returns the rest, to run after the answer is sent: the account is looked up, and only when it exists a
 * reset link (emailed, PASSWORD_RESET_TTL_HOURS, single use; it voids the account's earlier emailed
 * link) is made and mailed to it. So the answer, and its timing, are the same whether or not an
 * account uses the email. The token is never logged.
 */
export async function requestPasswordResetEmail(email: string, address: string): Promise<() => Promise<void>> {
  const { PUBLIC_URL } = env();
  if (!resetEmailAvailable() || !PUBLIC_URL) {
    throw new ApiError(503, "email_unavailable", "this server does not send password reset emails: ask a workspace admin for a reset link");
  }
  await countResetEmailRequest(email, address);
  const origin = new URL(PUBLIC_URL).origin;
  const requestedAt = new Date();
  return async () => {
    try {
      await sendResetEmail(email, { address, origin, requestedAt });
    } catch (error) {
      logger.warn("password reset email failed", { error: errorMessage(error) });
    }
  };
}

async function sendResetEmail(email: string, input: { address: string; origin: string; requestedAt: Date }): Promise<void> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return;
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  const link = await createPasswordReset({ userId: user.id, createdById: null, origin: input.origin, emailed: true });
  const message = passwordResetEmail({
    email: user.email,
    url: link.url,
    expiresAt: new Date(link.expiresAt),
    requestedAt: input.requestedAt,
    requestedFrom: input.address,
  });
  const transport = smtpTransport(SMTP_URL, { timeoutMs: 10_000 });
  try {
    await transport.sendMail({ from: SMTP_FROM, to: user.email, ...message });
    logger.info("password reset email sent", { userId: user.id });
  } finally {
    transport.close();
  }
}

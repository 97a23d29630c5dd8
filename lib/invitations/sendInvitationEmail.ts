import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { smtpTransport } from "@/lib/mail/smtpTransport";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * Emails the invitation link when SMTP_URL is configured; returns whether it was sent. A failure is
 * logged and reported, never thrown: the admin still has the link to copy.
 */
export async function sendInvitationEmail(input: { to: string; workspaceName: string; inviterName: string; url: string; expiresAt: Date }): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return false;
  const transport = smtpTransport(SMTP_URL, { timeoutMs: 5000 });
  const subject = `${input.inviterName} invited you to ${input.workspaceName} on Faultline`.replace(/[\r\n]+/g, " ").slice(0, 200);
  const text = [
    `${input.inviterName} invited you to the workspace "${input.workspaceName}" on Faultline.`,
    "",
    `Accept the invitation: ${input.url}`,
    "",
    `The link works once and expires ${input.expiresAt.toUTCString()}.`,
  ].join("\n");
  try {
    await transport.sendMail({ from: SMTP_FROM, to: input.to, subject, text });
    return true;
  } catch (error) {
    logger.warn("invitation email failed", { error: errorMessage(error) });
    return false;
  } finally {
    transport.close();
  }
}

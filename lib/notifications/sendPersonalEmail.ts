import type { SendOutcome } from "@/lib/alerts/notify/backoff";
import type { EmailMessage } from "@/lib/alerts/notify/payloads/emailMessage";
import { sendEmail } from "@/lib/alerts/notify/sendEmail";
import { unsubscribeHeaders, type UnsubscribeLinks } from "@/lib/notifications/unsubscribeLinks";

/** The instance's own SMTP server (SMTP_URL, SMTP_FROM), as the notification jobs are given it. */
export interface PersonalEmailServer {
  smtpUrl: string;
  from: string;
  timeoutMs: number;
}

/**
 * One email to one person from Faultline itself: marked auto-generated (RFC 3834: no out-of-office
 * replies), tagged with what it carries (`X-Faultline-Notification`), with the one-click unsubscribe
 * headers when it has an unsubscribe link.
 */
export function sendPersonalEmail(
  server: PersonalEmailServer,
  email: { to: string; carries: string; message: EmailMessage; unsubscribe: UnsubscribeLinks | null },
): Promise<SendOutcome> {
  return sendEmail({
    smtpUrl: server.smtpUrl,
    from: server.from,
    to: [email.to],
    message: email.message,
    headers: { "Auto-Submitted": "auto-generated", "X-Faultline-Notification": email.carries, ...unsubscribeHeaders(email.unsubscribe) },
    timeoutMs: server.timeoutMs,
    userServer: false,
  });
}

import type { SendOutcome } from "@/lib/alerts/notify/backoff";
import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { envOutboundPolicy } from "@/lib/outbound/envOutboundPolicy";
import { smtpTransport } from "@/lib/mail/smtpTransport";
import { guardedSmtpSocket } from "@/lib/outbound/guardedSmtpSocket";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";
import type { EmailMessage } from "@/lib/alerts/notify/payloads/emailMessage";

/** Sends one message over SMTP (a connection per message: alerts are rare, pools would idle). */
export async function sendEmail(input: {
  smtpUrl: string | undefined;
  from: string;
  to: string[];
  message: EmailMessage;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The SMTP server is the channel's own (a user typed it): its host must pass the outbound policy. */
  userServer: boolean;
  /** The policy a user's server is held to (the instance's, from the environment, unless given). */
  policy?: OutboundPolicy;
}): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (!input.smtpUrl) return { ok: false, error: "no SMTP server: set SMTP_URL or the channel's smtpUrl", retryable: false, durationMs: 0 };
  // A user's server is connected to through the outbound policy's socket (checked where it connects).
  const transport = smtpTransport(input.smtpUrl, {
    timeoutMs: input.timeoutMs,
    getSocket: input.userServer ? guardedSmtpSocket(input.policy ?? envOutboundPolicy()) : undefined,
  });
  try {
    await transport.sendMail({ from: input.from, to: input.to, ...input.message, headers: input.headers });
    return { ok: true, retryable: false, durationMs: elapsed() };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reply = (error as { responseCode?: number }).responseCode;
    // 5xx replies and bad credentials will not fix themselves; 4xx replies and network trouble may.
    const permanent = code === "EAUTH" || code === "EOUTBOUNDDENIED" || (typeof reply === "number" && reply >= 500);
    return { ok: false, status: reply, error: describeFailure(error, input.timeoutMs), retryable: !permanent, durationMs: elapsed() };
  } finally {
    transport.close();
  }
}

import { escapeHtml } from "@/lib/text/escapeHtml";

export interface PasswordResetEmailInput {
  /** The account's email (the recipient). */
  email: string;
  /** The one-time link (`<origin>/reset-password/<token>`). */
  url: string;
  expiresAt: Date;
  /** When and from which client address "Forgot password?" was sent. */
  requestedAt: Date;
  requestedFrom: string;
}

/**
 * Subject, plain text and simple HTML of a "Forgot password?" email: the link, how long it works,
 * who asked (client address and time), that ignoring it is safe, and what using it does.
 */
export function passwordResetEmail(input: PasswordResetEmailInput): { subject: string; text: string; html: string } {
  const host = hostOf(input.url);
  const subject = `Reset your Faultline password${host ? ` (${host})` : ""}`;
  const asked = `Someone (client address ${oneLine(input.requestedFrom)}) asked to reset the password of ${oneLine(input.email)} on ${input.requestedAt.toUTCString()}.`;
  const expires = `The link works once and expires ${input.expiresAt.toUTCString()}.`;
  const effects = "Setting a new password signs out every session of the account, revokes its API tokens and unlinks single sign-on. Two-factor sign-in still asks for its code.";
  const ignore = "If it was not you, ignore this email: your password stays as it is, and the link expires on its own.";
  const text = [asked, "", `Set a new password: ${input.url}`, "", expires, effects, "", ignore].join("\n");
  const html = [
    `<p>${escapeHtml(asked)}</p>`,
    `<p><a href="${escapeHtml(input.url)}">Set a new password</a></p>`,
    `<p>${escapeHtml(expires)} ${escapeHtml(effects)}</p>`,
    `<p>${escapeHtml(ignore)}</p>`,
  ].join("\n");
  return { subject, text, html };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** A header-like value kept on one bounded line (it reaches the body only, but stays readable). */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, " ").slice(0, 320);
}

/**
 * The type of an event that logged a message rather than raising an exception (Sentry's
 * `captureMessage`, a logging integration's record without exc_info): lib/sentry/mapSentryEvent.ts
 * gives it this type and the logged text as its message.
 */
export const LOGGED_MESSAGE_TYPE = "Message";

/** The two parts an issue's title shows: the exception's type (none for a logged message) and its message. */
export interface IssueTitleParts {
  type: string | null;
  message: string;
}

/**
 * How an issue is named everywhere: "TypeError: x is undefined", or "TypeError" alone when it has
 * no message. A logged message is named by its text alone, as engineers (and Sentry) read it; the
 * type "Message" is shown only when the text is empty.
 */
export function issueTitleParts(issue: { type: string; message: string }): IssueTitleParts {
  const message = issue.message.replace(/\s+/g, " ").trim();
  return { type: isLoggedMessage(issue) ? null : issue.type, message };
}

/** Whether an issue is named by its message alone: a logged message with some text. */
export function isLoggedMessage(issue: { type: string; message: string }): boolean {
  return issue.type === LOGGED_MESSAGE_TYPE && issue.message.trim() !== "";
}

/** The title as one line of text, clipped to `maxChars` (with an ellipsis) when given. */
export function issueTitle(issue: { type: string; message: string }, maxChars?: number): string {
  const { type, message } = issueTitleParts(issue);
  const title = type === null ? message : message ? `${type}: ${message}` : type;
  return maxChars !== undefined && title.length > maxChars ? `${title.slice(0, Math.max(0, maxChars - 1))}…` : title;
}

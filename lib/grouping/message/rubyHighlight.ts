/**
 * Ruby 3.1–3.3 append error_highlight's picture of the failing call to the message of a NameError,
 * NoMethodError, TypeError or ArgumentError — a blank line, the line of code, and carets under the
 * call — and SDKs send `exception.message` as it is. The code is the frame's source context
 * already; as the title it buries the message, and an edit to that line would change the
 * text grouping compares. Removed; did_you_mean's "Did you mean?" suggestions that follow stay.
 */
const HIGHLIGHT = /\n\n[^\n]*\n[ \t]*\^+[ \t]*(?=\n|$)/;

export function withoutRubyHighlight(message: string): string {
  return message.replace(HIGHLIGHT, "");
}

/**
 * Where a JavaScript error's own header starts among the lines printed above its stack. Usually the
 * first line ("TypeError: …"); but a log call prints its own words first — `console.error("Failed to
 * process job 42:", err)`, a logger's "[2024-01-15T10:22:33.123Z] ERROR: ", Node ≤ 14's "(node:1234)
 * UnhandledPromiseRejectionWarning: ", Next.js's " ⨯ ", a line of its own above the error ("Unhandled
 * error in request handler", Electron's "Uncaught Exception:"). Then the header is the first error
 * name printed with a message ("TypeError: …", "PrismaClientKnownRequestError: …").
 */

/** The first line is the header when it starts with a name and a colon (or is a bare name). */
const NAME_FIRST = /^[A-Za-z_$][\w$.]*(?: \[[A-Z][A-Z0-9_]{1,63}\])?(?::\s?([\s\S]*))?$/;
/** util.inspect's "[TypeError: msg]" for an error whose stack it does not print. */
const BRACKETED = /^\[[A-Za-z_$][\w$.]*: /;
/** An error's name inside a line: a word ending "Error" or "Exception" (or "Error" itself), then ":" or the end. */
const ERROR_NAME = /(?<![\w$.])(?:[A-Z][\w$]{0,255})?(?:Error|Exception)(?= \[[A-Z][A-Z0-9_]{1,63}\]:|:|$)/g;

/** How many lines may stand above the error's own header (a log call's words, a logger's line or two). */
const MAX_LINES_ABOVE = 8;

export function jsHeaderStart(lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  const first = NAME_FIRST.exec(lines[0]);
  // "Error: msg", "Error" alone, util.inspect's "[TypeError: msg] {": as printed.
  if (BRACKETED.test(lines[0]) || (first && (first[1]?.trim() || lines.length === 1))) return [...lines];
  // Positions only while searching: the header is copied once, at the end (a long header would
  // otherwise be copied once per name found in it).
  let fallback: { at: number; index: number } | undefined;
  for (let at = 0; at < Math.min(lines.length, MAX_LINES_ABOVE + 1); at++) {
    const line = lines[at];
    for (const m of line.matchAll(ERROR_NAME)) {
      const message = line.slice(m.index + m[0].length).replace(/^(?: \[[A-Z0-9_]+\])?:\s?/, "");
      if (message.trim()) return headerFrom(lines, at, m.index);
      fallback ??= { at, index: m.index };
    }
  }
  return fallback ? headerFrom(lines, fallback.at, fallback.index) : [...lines];
}

function headerFrom(lines: readonly string[], at: number, index: number): string[] {
  return [lines[at].slice(index), ...lines.slice(at + 1)];
}

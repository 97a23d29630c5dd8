/**
 * The error line a runtime prints for an exception that has no frames to show, read when no frame
 * told the language: Python's last line ("ValueError: invalid literal for int() with base 10: 'abc'"),
 * a JVM's or .NET's ("java.lang.NullPointerException", "System.InvalidOperationException: Sequence
 * contains no elements"; .NET's host prefixes "Unhandled exception. "), JavaScript's ("TypeError: …",
 * util.inspect's "[UnhandledPromiseRejection: …] {"), Dart's ("FormatException: …" under "Unhandled
 * exception:"), anyhow's and eyre's "Error: …" above "Caused by:".
 */

/** Prefixes runtimes put before the error line: consoles' "Uncaught", .NET's host, Deno's "error: ". */
const PREFIX = /^(?:Unhandled [Ee]xception[.:] |Uncaught (?:\(in promise\) )?|error: (?:Uncaught (?:\(in promise\) )?)?)/;
/** "Type", "pkg.Type", "Mod::Type" with an optional Node error code, then ": message" or nothing. */
const ERROR_LINE = /^((?:[A-Za-z_$][\w$]{0,127}(?:\.|::)){0,16}[A-Za-z_$][\w$]{0,127})(?: \[[A-Z][A-Z0-9_]{1,63}\])?(?:: ?([\s\S]*))?$/;
/** util.inspect's form for an error without a stack: "[TypeError: msg]", "[UnhandledPromiseRejection: msg] {". */
const BRACKETED = /^\[([A-Za-z_$][\w$.]{0,255}): ([\s\S]*)\](?: \{)?$/;
/** What an exception type's name ends with (its last segment), so a sentence's first word is not one. */
const TYPE_NAME = /^[A-Z][\w$]*(?:Error|Exception|Warning|Interrupt|Exit|Iteration|Rejection|Defect|Fault|Failure|Panic)$|^Error$/;
/** How many non-empty lines from the top may stand before the error line ("Unhandled exception:", a log line). */
const LOOKAHEAD = 3;

export function printedErrorLine(lines: readonly string[]): { type: string; message: string } | undefined {
  let seen = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (++seen > LOOKAHEAD) return undefined;
    const header = readErrorLine(line);
    if (header) return header;
  }
  return undefined;
}

function readErrorLine(line: string): { type: string; message: string } | undefined {
  const text = line.replace(PREFIX, "");
  const m = BRACKETED.exec(text) ?? ERROR_LINE.exec(text);
  if (!m) return undefined;
  const type = m[1];
  const simple = type.split(/\.|::/).pop() ?? type;
  return TYPE_NAME.test(simple) ? { type, message: (m[2] ?? "").trim() } : undefined;
}

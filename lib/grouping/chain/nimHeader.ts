/**
 * Nim's unhandled exception: "Error: unhandled exception: index 10 not in 0 .. 2 [IndexDefect]" — the
 * type in brackets ends the message, which may span lines. It is printed below the traceback, and
 * alone when the program was built without stack traces (-d:release), so it is read for a trace
 * without frames too. A signal the runtime caught ("SIGSEGV: Illegal storage access. (Attempt to read
 * from nil?)") is typed by the signal, when `signals` is true (a trace that had Nim's frames).
 */
export function nimHeader(lines: readonly string[], signals = true): { type: string; message: string } | undefined {
  for (const [at, raw] of lines.entries()) {
    const line = raw.trim();
    if (line.startsWith(UNHANDLED)) return unhandled(lines, at);
    const signal = signals && line.startsWith("SIG") ? NIM_SIGNAL.exec(line) : null;
    if (signal) return { type: signal[1], message: signal[2].trim() };
  }
  return undefined;
}

const UNHANDLED = "Error: unhandled exception: ";
/** The type ending the message: " [IndexDefect]", " [KeyError]", " [ValueError]". */
const NIM_TYPE = / \[([A-Za-z_]\w{0,255})\]$/;
const NIM_SIGNAL = /^(SIG[A-Z]{2,8}): (.{1,1024})$/;
/** How many lines a message may span before its type. */
const MAX_MESSAGE_LINES = 64;

function unhandled(lines: readonly string[], at: number): { type: string; message: string } | undefined {
  for (let end = at; end < Math.min(lines.length, at + MAX_MESSAGE_LINES); end++) {
    const last = end === at ? lines[at].trim() : lines[end].trimEnd();
    const typed = NIM_TYPE.exec(last);
    if (!typed) continue;
    const text = [...(end === at ? [] : [lines[at].trim(), ...lines.slice(at + 1, end)]), last.slice(0, -typed[0].length)].join("\n");
    return { type: typed[1], message: text.slice(UNHANDLED.length).trim() };
  }
  return undefined;
}

/**
 * Julia's uncaught error (the julia command's and the REPL's "ERROR: "; include()'s LoadError and
 * __init__'s InitError wrappers read through):
 *   ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [10]
 *   ERROR: DomainError with -1.0:
 *   sqrt was called with a negative real argument …
 *   ERROR: TaskFailedException
 * The exception's type is the name before ": " (or " with " for DomainError), when it is one
 * ("BoundsError", "Base.IOError", "DimensionMismatch"); the message is the rest, up to "Stacktrace:" or a
 * blank line (MethodError's "Closest candidates are:" list follows one). `error("boom")` prints its
 * message alone ("ERROR: boom"): the type is not printed, only the message is read.
 */
export function juliaHeader(lines: readonly string[]): { type?: string; message: string } | undefined {
  for (const [at, raw] of lines.entries()) {
    const error = raw.startsWith("ERROR: ") ? JULIA_ERROR.exec(raw.trim()) : null;
    if (!error) continue;
    const end = lines.findIndex((line, i) => i > at && (!line.trim() || MESSAGE_END.test(line.trim())));
    // Without a stack trace or a blank line after it, only the error's own line is its message.
    const text = [error[1], ...lines.slice(at + 1, end < 0 ? at + 1 : end)].join("\n").trim();
    const typed = JULIA_TYPED.exec(text);
    return typed ? { type: typed[1], message: (typed[2] ?? "").trim() } : { message: text };
  }
  return undefined;
}

const JULIA_ERROR = /^ERROR: (?:(?:LoadError|InitError): ){0,8}(.{0,8192})$/;
/** "BoundsError: …", "DomainError with -1.0:", "TaskFailedException", "OutOfMemoryError()", "HTTP.Exceptions.StatusError: …". */
const JULIA_TYPED = /^((?:[A-Z]\w{0,127}\.){0,8}[A-Z]\w{0,127}(?:Error|Exception|Mismatch))(?:\(\))?(?:(?:: ?| with )([\s\S]*))?$/;
const MESSAGE_END = /^(?:Stacktrace:|caused by: |in expression starting at |\[\d{1,6}\] )/;

/** POSIX signals by number, as Linux builds print them ("Caught signal 11 Segmentation fault"). */
const SIGNALS: Record<string, string> = { "4": "SIGILL", "5": "SIGTRAP", "6": "SIGABRT", "7": "SIGBUS", "8": "SIGFPE", "11": "SIGSEGV" };
/** A siginfo code as macOS builds print it (" SEGV_MAPERR at 0x88") names its signal. */
const SIGINFO = /^(SEGV|BUS|ILL|FPE|TRAP)_[A-Z]+\b/;
const MAX_VALUE = 8_192;

/**
 * An Unreal crash report's error (the ErrorMessage of its CrashContext) as exception type and value,
 * in the forms the engine writes it:
 *   "Assertion failed: Ship != nullptr [File:D:\Game\Ship.cpp] [Line: 42] \nno ship"  → Assertion failed
 *   "Ensure condition failed: …" → Ensure condition failed;  "Fatal error: …" → Fatal error
 *   "Unhandled Exception: EXCEPTION_ACCESS_VIOLATION reading address 0x00000008" → EXCEPTION_ACCESS_VIOLATION
 *   "Caught signal 11 Segmentation fault" → SIGSEGV;  " SEGV_MAPERR at 0x88" → SIGSEGV
 * Anything else is typed by the report's CrashType (Crash, Assert, Ensure, Hang, GPUCrash, OutOfMemory…).
 */
export function unrealErrorOf(errorMessage: string, crashType: string): { type: string; value: string } {
  const text = errorMessage.trim().slice(0, MAX_VALUE);
  const prefixed = /^(Assertion failed|Ensure condition failed|Fatal error):\s*([\s\S]*)$/i.exec(text);
  if (prefixed) return { type: prefixed[1], value: prefixed[2].trim() || prefixed[1] };
  const unhandled = /^Unhandled Exception:\s*([A-Z][A-Z0-9_]{2,63})\b\s*([\s\S]*)$/.exec(text);
  if (unhandled) return { type: unhandled[1], value: unhandled[2].trim() || unhandled[1] };
  const signal = /^Caught signal\s+(\d{1,2})\b\s*([\s\S]*)$/i.exec(text);
  if (signal) return { type: SIGNALS[signal[1]] ?? `signal ${signal[1]}`, value: signal[2].trim() || text };
  const siginfo = SIGINFO.exec(text);
  if (siginfo) return { type: `SIG${siginfo[1]}`, value: text };
  return { type: crashType, value: text || `Unreal Engine ${crashType.toLowerCase()} without an error message` };
}

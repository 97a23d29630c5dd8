/**
 * An Apple crash report's header (Xcode's Organizer, TestFlight, a device's .crash / .ips text):
 *   Exception Type:  EXC_CRASH (SIGABRT)
 *   Exception Codes: 0x0000000000000000, 0x0000000000000000
 * typed by the Mach exception (`EXC_BAD_ACCESS`, `EXC_CRASH`, `EXC_BREAKPOINT`), its signal the
 * message — unless the report names the uncaught Objective-C / Swift exception that aborted the app
 * ("*** Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: '…'"), which
 * is what went wrong: then that exception and its reason. Read within the report's header only.
 */
const HEADER_LINES = 80;
const EXCEPTION_TYPE = /^Exception Type:\s{0,40}(EXC_[A-Z_]{1,40})(?:\s{0,10}\(([^()]{1,200})\))?/;
const UNCAUGHT = /Terminating app due to uncaught exception '([^']{1,256})', reason: '([\s\S]{0,4096})'/;

export function appleCrashHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  let mach: RegExpExecArray | null = null;
  let uncaught: RegExpExecArray | null = null;
  for (const raw of lines.slice(0, HEADER_LINES)) {
    const line = raw.trim();
    if (!mach && line.startsWith("Exception Type:")) mach = EXCEPTION_TYPE.exec(line);
    if (!uncaught && line.includes("Terminating app due to uncaught exception")) uncaught = UNCAUGHT.exec(line);
  }
  if (!mach) return undefined;
  if (uncaught) return { type: uncaught[1], message: uncaught[2].trim() };
  return { type: mach[1], message: (mach[2] ?? "").trim() };
}

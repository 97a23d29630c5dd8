/**
 * Zig's panic ("thread 12345 panic: index out of bounds: index 10, len 3"; a single-threaded build's
 * "panic: …") is typed "panic", as Go's and Rust's are; a fault the runtime caught ("Segmentation fault
 * at address 0x0") by the fault, without the address; an error `main` returned ("error: FileNotFound",
 * above its error return trace) by the error's name.
 */
export function zigHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const panic = firstMatch(lines, ZIG_PANIC, (line) => line.includes("panic: "));
  if (panic) return { type: "panic", message: panic[1].trim() };
  const fault = firstMatch(lines, ZIG_FAULT, (line) => line.includes(" at address 0x"));
  if (fault) return { type: fault[1], message: "" };
  const error = firstMatch(lines, ZIG_ERROR, (line) => line.startsWith("error: "));
  return error ? { type: error[1], message: "" } : undefined;
}

const ZIG_PANIC = /^(?:thread \d{1,20} )?panic: (.{0,8192})$/;
const ZIG_FAULT = /^(Segmentation fault|Illegal instruction|Bus error|Arithmetic exception) at address 0x[0-9a-fA-F]{1,16}$/;
const ZIG_ERROR = /^error: ([A-Za-z_]\w{0,255})$/;

function firstMatch(lines: readonly string[], pattern: RegExp, screen: (line: string) => boolean): RegExpExecArray | null {
  for (const line of lines) {
    const m = screen(line) ? pattern.exec(line.trim()) : null;
    if (m) return m;
  }
  return null;
}

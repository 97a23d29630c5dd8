import type { Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * A frame's function as the frame lists show it: its name; "<anonymous>" for a nameless function in
 * a source file (JavaScript callbacks); "<unknown function>" for a frame located only by its binary
 * (an unsymbolicated native frame).
 */
export function frameFunctionLabel(frame: Pick<Frame, "function" | "filename" | "absPath">): string {
  if (frame.function) return frame.function;
  return frame.filename || frame.absPath ? "<anonymous>" : "<unknown function>";
}

/**
 * Where an unsymbolicated native frame's instruction lies: "+0x2a2b4" into its binary when the
 * binary's start is known (stable across runs, what `atos -l` / `addr2line` take with the build's
 * symbols), else the absolute address. Null for frames that carry no address.
 */
export function frameAddressLabel(frame: Pick<Frame, "instructionAddr" | "imageAddr">): string | null {
  if (!frame.instructionAddr) return null;
  try {
    const address = BigInt(frame.instructionAddr);
    const start = frame.imageAddr ? BigInt(frame.imageAddr) : undefined;
    return start !== undefined && address >= start ? `+0x${(address - start).toString(16)}` : `0x${address.toString(16)}`;
  } catch {
    return null;
  }
}

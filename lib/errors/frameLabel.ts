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

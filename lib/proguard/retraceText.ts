import type { Frame } from "@/lib/ingest/stacktrace/frame";
import type { ProguardMapping } from "@/lib/proguard/proguardMapping";
import { originalClassName, StackRetracer } from "@/lib/proguard/retraceFrames";

/** "	at a.b.c(SourceFile:12)" and what follows the frame (Logback's packaging data). */
const FRAME_LINE = /^(\s*at\s+)([^\s()]+)\.([^\s.()]+)\(([^():]*)(?::(\d{1,9}))?\)(.*)$/;
/** A trace's header or a cause's: "a.b: message", "Caused by: a.b", 'Exception in thread "main" a.b: …'. */
const HEADER_LINE = /^(\s*(?:Caused by: |Suppressed: |Exception in thread "[^"\n]*" )?)([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)(:.*)?$/;

/**
 * A JVM stack trace as text (innermost frame first, as the JVM prints it) retraced: exception class
 * names in its header and `Caused by:` / `Suppressed:` lines, and every `at` line whose class a
 * mapping knows (one line per method R8 inlined there; an outline's line dropped and its caller
 * read at the outlined line; R8's rewrite rules for the exception applied to its first frame).
 * Lines nothing matches are kept. Pure.
 */
export function retraceText(text: string, mappings: ProguardMapping[]): string {
  let stack = new StackRetracer(mappings);
  return text
    .split("\n")
    .flatMap((line) => {
      // An inlined frame's added lines end the way the trace's lines do.
      const end = line.endsWith("\r") ? "\r" : "";
      const body = end ? line.slice(0, -1) : line;
      const header = FRAME_LINE.test(body) ? null : HEADER_LINE.exec(body);
      if (header) {
        const original = originalClassName(header[2], mappings);
        // Each exception of the chain starts a stack of its own.
        stack = new StackRetracer(mappings, original ?? header[2]);
        return [`${header[1]}${original ?? header[2]}${header[3] ?? ""}${end}`];
      }
      return retraceLine(body, stack).map((out) => out + end);
    })
    .join("\n");
}

function retraceLine(line: string, stack: StackRetracer): string[] {
  const frame = FRAME_LINE.exec(line);
  if (frame) {
    const [, prefix, module, fn, file, lineno, rest] = frame;
    const received: Frame = { module, function: fn };
    if (file) received.filename = file;
    if (lineno) received.lineno = Number(lineno);
    const retraced = stack.next(received);
    if (retraced.length === 1 && retraced[0] === received) return [line];
    // Printed innermost first, the way the trace reads.
    return [...retraced].reverse().map((f) => `${prefix}${f.module}.${f.function}(${locationOf(f)})${rest}`);
  }
  return [line];
}

function locationOf(frame: Frame): string {
  const file = frame.filename ?? "Unknown Source";
  return frame.lineno ? `${file}:${frame.lineno}` : file;
}

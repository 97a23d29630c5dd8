import type { Frame } from "@/lib/ingest/stacktrace/frame";

/** Renders structured frames (outermost first) as a readable trace, innermost first like most runtimes. */
export function formatFrames(frames: Frame[]): string {
  return [...frames]
    .reverse()
    .map((frame) => {
      const where = frame.filename ?? frame.absPath ?? frame.module ?? "?";
      const line = frame.lineno !== undefined ? `:${frame.lineno}${frame.colno !== undefined ? `:${frame.colno}` : ""}` : "";
      return `  at ${frame.function ?? "<anonymous>"} (${where}${line})`;
    })
    .join("\n");
}

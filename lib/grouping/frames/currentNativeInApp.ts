import { classifyFrame } from "@/lib/grouping/frames/classifyFrame";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * A native trace's frames carry grouping version 1's in-app guess (lib/ingest/stacktrace/inApp.ts,
 * frozen with version 1's keys), which took every binary under /usr — an app in /usr/local/bin or
 * built in /usr/src — for a system library. A text carries no client's judgement, so version 2
 * (and what the event viewer shows) judges its native frames by its own rules instead.
 */
export function withCurrentNativeInApp(frames: Frame[], language: Language): Frame[] {
  if (language !== "native") return frames;
  return frames.map((frame) => {
    const { inApp: _guessed, ...unlabelled } = frame;
    void _guessed;
    return { ...unlabelled, inApp: classifyFrame(unlabelled, language) === "app" };
  });
}

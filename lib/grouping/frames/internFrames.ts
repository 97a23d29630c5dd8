import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { deepFreeze } from "@/lib/grouping/deepFreeze";
import { replaceUnstorable } from "@/lib/text/replaceUnstorable";

/**
 * Structured frames (an SDK's `stacktrace.frames`), shared between events that carry the same ones:
 * the same failure sends the same frames each time, in a new array each time, and what grouping
 * works out from frames is remembered per shared array (sharedGroupingFrames, computeFingerprint).
 * Returns a frozen copy kept for the last MAX_ENTRIES distinct frame lists — the one handed out
 * before when this list was seen — or the frames as they are when their text is over MAX_KEY_CHARS
 * (long context lines: rarely repeated, and they would make the memory unbounded), or when a frame
 * carries local variables (they differ from one event to the next: the copy would never be reused).
 * Equal means equal as JSON: every field included. The copy is made storable (lib/text/replaceUnstorable.ts,
 * which skips frozen values) before it is frozen.
 */
const MAX_ENTRIES = 1_000;
const MAX_KEY_CHARS = 8 * 1024;

const interned = new Map<string, Frame[]>();

export function internFrames(frames: Frame[]): Frame[] {
  if (frames.length === 0 || Object.isFrozen(frames) || frames.some((f) => f.vars)) return frames;
  let key: string;
  try {
    key = JSON.stringify(frames);
  } catch {
    return frames; // not plain data (cannot happen for parsed JSON; never fail grouping over it)
  }
  if (key.length > MAX_KEY_CHARS) return frames;
  const hit = interned.get(key);
  if (hit) {
    interned.delete(key);
    interned.set(key, hit);
    return hit;
  }
  const copy = deepFreeze(replaceUnstorable(JSON.parse(key) as Frame[]));
  interned.set(key, copy);
  if (interned.size > MAX_ENTRIES) interned.delete(interned.keys().next().value!);
  return copy;
}

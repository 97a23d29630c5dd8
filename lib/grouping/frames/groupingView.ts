import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { deepFreeze } from "@/lib/grouping/deepFreeze";
import { contextLineKey } from "@/lib/grouping/frames/contextLineKey";
import { RecentlyUsed } from "@/lib/grouping/recentlyUsed";

/**
 * What grouping reads of structured frames (an SDK's `stacktrace.frames`), shared between the events
 * that carry the same ones: the same failure sends the same frames each time, in a new array each
 * time, and what grouping works out from frames is remembered per shared array (sharedGroupingFrames,
 * computeFingerprint). The view leaves out what grouping never reads and what differs from one
 * event to the next — local variables and the source lines around a frame's own — so an SDK that
 * sends them still gets one view per code path; a frame's own line stays, without its whitespace
 * (lib/grouping/frames/contextLineKey.ts). Used only to compute fingerprints: the event keeps and stores its
 * own frames.
 *
 * The last MAX_ENTRIES distinct views are kept (least recently used first out); frames whose view is
 * over MAX_KEY_CHARS of JSON are used as they are (and worked out each time), so the memory this
 * holds stays bounded. Frozen frames (a parsed trace, lib/grouping/chain/parsedChainCache.ts) are
 * already shared.
 */
const MAX_ENTRIES = 1_000;
const MAX_KEY_CHARS = 8 * 1024;

const views = new RecentlyUsed<string, Frame[]>(MAX_ENTRIES);

export function groupingView(frames: Frame[]): Frame[] {
  if (frames.length === 0 || Object.isFrozen(frames)) return frames;
  const view = frames.map(withoutPerEventFields);
  const key = JSON.stringify(view);
  if (key.length > MAX_KEY_CHARS) return frames;
  const hit = views.get(key);
  if (hit) return hit;
  views.set(key, deepFreeze(view));
  return view;
}

/** A frame without its local variables and the lines around its own; its own line without whitespace (contextLineKey). */
function withoutPerEventFields(frame: Frame): Frame {
  const read = { ...frame };
  const line = contextLineKey(frame);
  if (line === undefined) delete read.contextLine;
  else read.contextLine = line;
  delete read.preContext;
  delete read.postContext;
  delete read.vars;
  return read;
}

import type { FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import { selectGroupingFrames, type GroupingFrames, type SelectOptions } from "@/lib/grouping/frames/selectGroupingFrames";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * selectGroupingFrames, remembered for frames that are shared: a trace parsed once and kept
 * (lib/grouping/chain/parsedChainCache.ts), or structured frames' grouping view
 * (lib/grouping/frames/groupingView.ts), hands every event that repeats it the same frozen frames
 * array, so what grouping reads from it is worked out once per array (and frame override, language
 * and async setting), not once per event. Frames that are not frozen (too long to keep) are read
 * each time. Held weakly: an array the caches let go of takes its entries with it.
 */
const NO_OVERRIDE = {};
const cache = new WeakMap<FrameOverride | object, WeakMap<Frame[], Map<string, GroupingFrames>>>();

export function sharedGroupingFrames(frames: Frame[], language: Language, options: SelectOptions = {}): GroupingFrames {
  if (!Object.isFrozen(frames)) return selectGroupingFrames(frames, language, options);
  const owner = options.override ?? NO_OVERRIDE;
  let byFrames = cache.get(owner);
  if (!byFrames) cache.set(owner, (byFrames = new WeakMap()));
  let byLanguage = byFrames.get(frames);
  if (!byLanguage) byFrames.set(frames, (byLanguage = new Map()));
  const key = `${language}\u0000${options.dropAsyncContinuation ? 1 : 0}${options.clientFrames ? 1 : 0}${options.inAppFlagsUnset ? 1 : 0}`;
  const hit = byLanguage.get(key);
  if (hit) return hit;
  const selected = selectGroupingFrames(frames, language, options);
  Object.freeze(selected.keys);
  const shared = Object.freeze(selected);
  byLanguage.set(key, shared);
  return shared;
}

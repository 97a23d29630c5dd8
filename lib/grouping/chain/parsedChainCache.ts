import { parseChainText, type ParsedChain } from "@/lib/grouping/chain/parseChainText";
import { deepFreeze } from "@/lib/grouping/deepFreeze";
import { RecentlyUsed } from "@/lib/grouping/recentlyUsed";
import { replaceUnstorable } from "@/lib/text/replaceUnstorable";

/**
 * parseChainText, remembered: an application that fails keeps printing the same trace (the same
 * code path, the same text), and parsing it — every runtime's parser on a trace without a platform
 * — is the largest single step of preparing an event. The last MAX_ENTRIES distinct (trace,
 * platform) pairs of this process are kept, least recently used first out; traces over
 * MAX_TEXT_CHARS are parsed each time (they are rare, and would make the cache's memory unbounded:
 * at most MAX_ENTRIES × MAX_TEXT_CHARS of keys — 8 MB — plus their frames).
 *
 * Results are shared between events, so they are made storable (lib/text/replaceUnstorable.ts,
 * which skips frozen values) and frozen: code that changed a parsed chain in place would throw
 * instead of altering other events' frames.
 */
const MAX_ENTRIES = 1_000;
const MAX_TEXT_CHARS = 8 * 1024;

const cache = new RecentlyUsed<string, ParsedChain>(MAX_ENTRIES);

export function parseChainTextCached(text: string, platformHint?: string): ParsedChain {
  if (text.length > MAX_TEXT_CHARS) return parseChainText(text, platformHint);
  // The platform first, then a separator no platform name contains.
  const key = `${platformHint ?? ""}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = deepFreeze(replaceUnstorable(parseChainText(text, platformHint)));
  cache.set(key, parsed);
  return parsed;
}

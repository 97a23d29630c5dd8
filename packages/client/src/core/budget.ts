
/** What stands for a value cut out to keep an event within its size budget. */
export const TRUNCATED = "[truncated]";
/** Ends a string cut short by the budget. */
const CUT_MARK = "…[truncated]";
/** Below this many bytes, a value is not worth a share of the budget: it is left out. */
const MIN_SHARE = 24;
/** Room kept for the "[N more … truncated]" note of an array or object that lost entries. */
const NOTE_ROOM = 40;

type Sizes = WeakMap<object, number>;

/** Bytes of `value` as JSON (UTF-8), for plain JSON data (what normalize() returns). */
export function jsonSize(value: unknown, sizes: Sizes = new WeakMap()): number {
  if (value === undefined) return 0;
  if (typeof value === "string") return stringSize(value);
  if (value === null || typeof value !== "object") return String(value).length;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let size = 2;
  let first = true;
  for (const [key, item] of entriesOf(value)) {
    if (item === undefined) continue;
    size += (first ? 0 : 1) + (typeof key === "string" ? stringSize(key) + 1 : 0) + jsonSize(item, sizes);
    first = false;
  }
  sizes.set(value, size);
  return size;
}

/**
 * `value` (plain JSON data) within about `budget` bytes of JSON: what fits is kept as it is; past
 * the budget, the largest values give way first — long strings are cut (ending "…[truncated]"),
 * values with no room left become "[truncated]", and entries that cannot get even that are
 * left out, noted as "[N more items truncated]" (arrays) or under the key "…" (objects).
 */
export function fitJson(value: unknown, budget: number, sizes: Sizes = new WeakMap(), size: number = jsonSize(value, sizes)): unknown {
  if (size <= budget) return value;
  if (typeof value === "string") return cutString(value, budget);
  if (value === null || typeof value !== "object") return TRUNCATED;
  const entries = entriesOf(value).filter(([, item]) => item !== undefined);
  // Each entry costs its comma and, in an object, its key: `overhead`.
  const costs = entries.map(([key, item]) => ({ overhead: 1 + (typeof key === "string" ? stringSize(key) + 1 : 0), size: jsonSize(item, sizes) }));
  const fitted: unknown[] = new Array(entries.length);
  const kept: boolean[] = new Array(entries.length).fill(false);
  let available = budget - 2 - NOTE_ROOM;
  let left = entries.length;
  // Smallest first, each taking at most an even share of what is left: small values stay whole,
  // and the room they did not need goes to the larger ones.
  const order = entries.map((_, i) => i).sort((a, b) => costs[a].size - costs[b].size);
  for (const i of order) {
    const share = Math.floor(available / left) - costs[i].overhead;
    left--;
    if (costs[i].size <= share) {
      fitted[i] = entries[i][1];
    } else if (share >= MIN_SHARE) {
      fitted[i] = fitJson(entries[i][1], share, sizes, costs[i].size);
    } else {
      continue;
    }
    kept[i] = true;
    available -= (fitted[i] === entries[i][1] ? costs[i].size : jsonSize(fitted[i], sizes)) + costs[i].overhead;
  }
  const leftOut = kept.filter((k) => !k).length;
  if (Array.isArray(value)) {
    const out = fitted.filter((_, i) => kept[i]);
    if (leftOut) out.push(`[${leftOut} more items truncated]`);
    return out;
  }
  const out: Record<string, unknown> = {};
  entries.forEach(([key], i) => {
    if (kept[i]) out[key as string] = fitted[i];
  });
  if (leftOut) out["…"] = `[${leftOut} more keys truncated]`;
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of a string as JSON: UTF-8, its quotes and escapes, as JSON.stringify writes them. */
function stringSize(text: string): number {
  // ASCII (most text): the native stringify is several times faster than a loop.
  if (!NON_ASCII.test(text)) return JSON.stringify(text).length;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

function entriesOf(value: object): [string | number, unknown][] {
  return Array.isArray(value) ? value.map((item, i) => [i, item ?? null]) : Object.entries(value);
}

/** A prefix of `text` ending in CUT_MARK, within `budget` bytes as a JSON string. */
function cutString(text: string, budget: number): string {
  const room = budget - jsonSize(CUT_MARK);
  if (room <= 0) return TRUNCATED;
  let n = Math.min(text.length, room);
  for (;;) {
    let prefix = text.slice(0, n);
    // Never half a surrogate pair.
    if (/[\uD800-\uDBFF]$/.test(prefix)) prefix = prefix.slice(0, -1);
    const bytes = jsonSize(prefix);
    if (bytes <= room || prefix.length === 0) return prefix.length ? prefix + CUT_MARK : TRUNCATED;
    // Shorter in proportion to the excess (multi-byte text), and by one character at least.
    n = Math.min(prefix.length - 1, Math.floor((prefix.length * (room - 2)) / (bytes - 2)));
  }
}

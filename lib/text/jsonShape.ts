/** Bounds on the shape of a JSON text, checked on its bytes before it is parsed. */
export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
  /** Values and keys, counted as the `[`, `{`, `,` and `:` outside strings (about one per value or key). */
  maxValues: number;
  /** Arrays and objects. */
  maxContainers: number;
}

export interface JsonShapeViolation {
  bound: "depth" | "values" | "containers";
  limit: number;
  /**
   * Where the bound was passed, as far as the first two levels tell: array indexes and object keys
   * (`[3, 0]`: the first element of the root array's fourth; `["events", 3]`; `["context"]`).
   */
  path: (string | number)[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** Levels whose position (index or key) is tracked to name where a bound was passed. */
const NAMED_LEVELS = 2;
const MAX_KEY_BYTES = 200;

/**
 * One pass over the bytes of a JSON text (UTF-8, as received), without parsing it: the first bound
 * it passes, or null. JSON.parse takes time in proportion to the values it builds — about 0.1 µs a
 * number, 0.2 µs an empty array, 0.7 µs a level of nesting — so a 10 MiB body of tiny or deeply
 * nested values held the instance for 1.5–4 s, while a real batch of the same size has long strings
 * and few values. This pass skips strings with `indexOf` (native memchr) and stops at the first bound
 * passed, so it costs a few milliseconds. Not a validator: text that is not JSON is left to
 * JSON.parse to refuse (null is returned for it unless a bound was passed before the error).
 */
export function scanJsonShape(bytes: Buffer, limits: JsonShapeLimits): JsonShapeViolation | null {
  let depth = 0;
  let values = 0;
  let containers = 0;
  // Levels 1 and 2 (index 0 and 1): array or object, the element index, the current key.
  // Levels 1 and 2 (index 0 and 1): an object or not, the element index, where the current key starts (-1: none yet).
  const isObject = [false, false];
  const index = [0, 0];
  const keyAt = [-1, -1];
  const { maxDepth, maxValues, maxContainers } = limits;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end === -1) return null; // an unterminated string: JSON.parse says so
      // A key of the first two levels names the place: the first string after `{` or `,` in an object.
      if (depth >= 1 && depth <= NAMED_LEVELS && isObject[depth - 1] && keyAt[depth - 1] === -1) keyAt[depth - 1] = i;
      i = end;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth++;
      if (depth <= NAMED_LEVELS) {
        isObject[depth - 1] = byte === OPEN_OBJECT;
        index[depth - 1] = 0;
        keyAt[depth - 1] = -1;
      }
      if (depth > maxDepth) return violation("depth", maxDepth, bytes, depth, isObject, index, keyAt);
      if (++containers > maxContainers) return violation("containers", maxContainers, bytes, depth, isObject, index, keyAt);
      if (++values > maxValues) return violation("values", maxValues, bytes, depth, isObject, index, keyAt);
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      if (--depth < 0) return null;
    } else if (byte === COMMA || byte === COLON) {
      if (byte === COMMA && depth >= 1 && depth <= NAMED_LEVELS) {
        if (isObject[depth - 1]) keyAt[depth - 1] = -1;
        else index[depth - 1]++;
      }
      if (++values > maxValues) return violation("values", maxValues, bytes, depth, isObject, index, keyAt);
    }
  }
  return null;
}

/** A bound passed, named by the index or key of the first two levels (a function apart: a closure over the loop's variables would slow the loop). */
function violation(bound: JsonShapeViolation["bound"], limit: number, bytes: Buffer, depth: number, isObject: boolean[], index: number[], keyAt: number[]): JsonShapeViolation {
  const path: (string | number)[] = [];
  for (let level = 0; level < Math.min(depth, NAMED_LEVELS); level++) {
    if (!isObject[level]) path.push(index[level]);
    else if (keyAt[level] === -1) break;
    else path.push(keyText(bytes, keyAt[level]));
  }
  return { bound, limit, path };
}

/** Strings shorter than this are walked byte by byte; longer ones are searched with indexOf (memchr). */
const SHORT_STRING = 32;

/** The closing quote of the string opening at `quote`, or -1 when it never closes. */
function stringEnd(bytes: Buffer, quote: number): number {
  // Most strings of a batch are short keys and values: a call into indexOf costs more than walking them.
  const stop = Math.min(bytes.length, quote + SHORT_STRING);
  let j = quote + 1;
  for (; j < stop; j++) {
    const byte = bytes[j];
    if (byte === QUOTE) return j;
    if (byte === BACKSLASH) j++;
  }
  if (j >= bytes.length) return -1;
  // Past an escape's second byte, or at the first unread byte: search on, skipping escaped quotes.
  let end = bytes.indexOf(QUOTE, j);
  while (end !== -1 && isEscaped(bytes, end)) end = bytes.indexOf(QUOTE, end + 1);
  return end;
}

/** The key whose opening quote is at `quote` (at most MAX_KEY_BYTES of it; escapes left as sent). */
function keyText(bytes: Buffer, quote: number): string {
  const end = stringEnd(bytes, quote);
  return bytes.toString("utf8", quote + 1, Math.min(end === -1 ? bytes.length : end, quote + 1 + MAX_KEY_BYTES));
}

/** A quote preceded by an odd number of backslashes is part of the string. */
function isEscaped(bytes: Buffer, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; j >= 0 && bytes[j] === BACKSLASH; j--) backslashes++;
  return backslashes % 2 === 1;
}

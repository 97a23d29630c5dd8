/**
 * PostgreSQL cannot store U+0000 in `text` or `jsonb`, and `jsonb` refuses unpaired UTF-16
 * surrogates (`"\ud800"`), yet SDKs send both: Python and Go turn binary data into such strings.
 * Every string that reaches the database from a request goes through here first: NUL and lone
 * surrogates become U+FFFD (the Unicode replacement character), paired surrogates (emoji and
 * other astral characters) are kept. Object keys are treated the same way as values.
 */
export const REPLACEMENT_CHARACTER = "\uFFFD";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

export function hasUnstorableText(value: string): boolean {
  if (!MAYBE_UNSTORABLE.test(value)) return false;
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(value);
}

export function replaceUnstorableText(value: string): string {
  if (!MAYBE_UNSTORABLE.test(value)) return value;
  return value.replace(UNSTORABLE, REPLACEMENT_CHARACTER);
}

/**
 * Replaces unstorable characters in every string and key of a parsed JSON value, in place (objects
 * and arrays are mutated where something changes; the value is returned for convenience).
 * Iterative, so a hostile nesting depth cannot overflow the stack. Keys are redefined as own data
 * properties, so a `__proto__` key from JSON.parse stays an ordinary key. Frozen objects and arrays
 * are skipped: they are shared between events (lib/grouping's caches) and were made storable before
 * they were frozen.
 */
export function replaceUnstorable<T>(value: T): T {
  if (typeof value === "string") return replaceUnstorableText(value) as T;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node !== null && typeof node === "object" && Object.isFrozen(node)) continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === "string") {
          const clean = replaceUnstorableText(item);
          if (clean !== item) node[i] = clean;
        } else if (item !== null && typeof item === "object") stack.push(item);
      }
    } else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        let item = record[key];
        if (typeof item === "string") item = replaceUnstorableText(item);
        else if (item !== null && typeof item === "object") stack.push(item);
        const cleanKey = replaceUnstorableText(key);
        if (cleanKey !== key) delete record[key];
        if (cleanKey !== key || item !== record[key]) {
          Object.defineProperty(record, cleanKey, { value: item, writable: true, enumerable: true, configurable: true });
        }
      }
    }
  }
  return value;
}

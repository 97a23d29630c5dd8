/**
 * Splits a search string into raw tokens, keeping each token's position (for error messages and
 * for suggestions at the cursor). Never throws, whatever the input: unbalanced quotes close at the
 * end, stray characters become free text.
 *
 *   is:unresolved !level:low,medium release:"web 1.2" "quoted text" words tags[k8s:pod]:web-1
 *
 * A value's trailing `*` asks for a prefix (`release:web@2.*`, `release:"web 2"*`); a quoted value
 * is exact, and a bare one ending in `\*` ends in a literal star.
 */

export interface RawValue {
  /** The text: without quotes, escapes or the prefix star. */
  value: string;
  quoted: boolean;
  /** Followed by a `*` that asks for a prefix (not a literal star). */
  prefix?: true;
}

export interface RawToken {
  start: number;
  end: number;
  negated: boolean;
  /** `key` of `key:value`; undefined for free text. For `tags[<key>]:value`, the tag key inside the brackets. */
  key?: string;
  /** Written as `tags[<key>]:` (or `tags["<key>"]:`): always a tag, whatever the key is named. */
  explicitTag?: true;
  /** Offset of the first character after the colon (where the value starts). */
  valueStart?: number;
  values: RawValue[];
  /** Characters after a value that belong to no value (`level:"high"x`). */
  trailing?: string;
  /** A quote that was opened and never closed. */
  unclosedQuote?: boolean;
}

const WS = /\s/;
/** A key is what precedes the first colon of a bare word, when it looks like a key. */
const KEY_CHARS = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

/** Control characters (NUL included, which PostgreSQL text refuses) become spaces; offsets are kept. */
export function sanitizeQuery(input: string): string {
  return input.replace(/[\u0000-\u001f\u007f]/g, " ");
}

export function tokenize(query: string): RawToken[] {
  const s = sanitizeQuery(query);
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && WS.test(s[i])) i++;
    if (i >= s.length) break;
    const start = i;
    let negated = false;
    if (s[i] === "!") {
      negated = true;
      i++;
    }
    if (s[i] === '"') {
      const q = readQuoted(s, i);
      i = q.end;
      const token: RawToken = { start, end: i, negated, values: [{ value: q.value, quoted: true }], unclosedQuote: !q.closed };
      const rest = readJunk(s, i);
      if (rest.text) token.trailing = rest.text;
      token.end = i = rest.end;
      tokens.push(token);
      continue;
    }
    const explicit = readExplicitTagKey(s, i);
    let j = explicit ? explicit.colon : i;
    if (!explicit) while (j < s.length && !WS.test(s[j]) && s[j] !== ":") j++;
    const key = explicit ? explicit.key : s.slice(i, j);
    if (j < s.length && s[j] === ":" && (explicit || KEY_CHARS.test(key))) {
      const valueStart = j + 1;
      const list = readValueList(s, valueStart);
      const token: RawToken = { start, end: list.end, negated, key, valueStart, values: list.values, unclosedQuote: list.unclosedQuote };
      if (explicit) token.explicitTag = true;
      const rest = readJunk(s, list.end);
      if (rest.text) token.trailing = rest.text;
      token.end = rest.end;
      i = rest.end;
      tokens.push(token);
      continue;
    }
    // Free text: the whole bare word, colons included.
    let k = i;
    while (k < s.length && !WS.test(s[k])) k++;
    tokens.push({ start, end: k, negated, values: k > i ? [{ value: s.slice(i, k), quoted: false }] : [] });
    i = k;
  }
  return tokens;
}

/**
 * `tags[<key>]:` or `tags["<key>"]:` at `at` (Sentry's explicit tag key): any key, spaces and
 * colons included. Undefined when the text there is not one (it is then read as usual).
 */
function readExplicitTagKey(s: string, at: number): { key: string; colon: number } | undefined {
  if (!s.startsWith("tags[", at)) return undefined;
  let i = at + 5;
  let key: string;
  if (s[i] === '"') {
    const q = readQuoted(s, i);
    if (!q.closed || s[q.end] !== "]") return undefined;
    key = q.value;
    i = q.end + 1;
  } else {
    const close = s.indexOf("]:", i);
    if (close === -1) return undefined;
    key = s.slice(i, close);
    i = close + 1;
  }
  return s[i] === ":" ? { key, colon: i } : undefined;
}

function readQuoted(s: string, at: number): { value: string; end: number; closed: boolean } {
  let i = at + 1;
  let value = "";
  while (i < s.length) {
    const c = s[i];
    if (c === "\\" && i + 1 < s.length) {
      value += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { value, end: i + 1, closed: true };
    value += c;
    i++;
  }
  return { value, end: i, closed: false };
}

/** `a,b`, `"a b",c`, `[a, "b"]`: comma-separated values, optionally in brackets. */
function readValueList(s: string, at: number): { values: RawValue[]; end: number; unclosedQuote: boolean } {
  const values: RawValue[] = [];
  let i = at;
  let unclosedQuote = false;
  const bracketed = s[i] === "[";
  if (bracketed) i++;
  for (;;) {
    if (bracketed) while (i < s.length && s[i] === " ") i++;
    if (s[i] === '"') {
      const q = readQuoted(s, i);
      i = q.end;
      // `"web 2"*`: a prefix that needs quotes.
      const prefix = q.closed && s[i] === "*";
      if (prefix) i++;
      values.push({ value: q.value, quoted: true, ...(prefix && { prefix: true as const }) });
      unclosedQuote ||= !q.closed;
    } else {
      let j = i;
      while (j < s.length && !WS.test(s[j]) && s[j] !== "," && !(bracketed && s[j] === "]")) j++;
      values.push(bareValue(s.slice(i, j)));
      i = j;
    }
    if (bracketed) while (i < s.length && s[i] === " ") i++;
    if (s[i] === ",") {
      i++;
      continue;
    }
    break;
  }
  if (bracketed && s[i] === "]") i++;
  return { values, end: i, unclosedQuote };
}

/** A bare value: a trailing `*` asks for a prefix (a lone `*` is itself), a trailing `\*` is a literal star. */
function bareValue(text: string): RawValue {
  if (text.endsWith("\\*")) return { value: `${text.slice(0, -2)}*`, quoted: false };
  if (text.length > 1 && text.endsWith("*")) return { value: text.slice(0, -1), quoted: false, prefix: true };
  return { value: text, quoted: false };
}

function readJunk(s: string, at: number): { text: string; end: number } {
  let i = at;
  while (i < s.length && !WS.test(s[i])) i++;
  return { text: s.slice(at, i), end: i };
}

/** What a JSON value is: a container, a string, a number or one of true / false / null. */
export type JsonValueKind = "object" | "array" | "string" | "number" | "literal";

/** Where one value of a JSON text is, and where it sits in the document. */
export interface JsonValueSpan {
  kind: JsonValueKind;
  /** The value is text.slice(start, end): a string's quotes, a container's brackets included. */
  start: number;
  end: number;
  /** The member's name (unescaped) when the value is in an object; undefined in an array and for the document. */
  key: string | undefined;
  /** Its position among the members or elements of its container (0 for the document). */
  index: number;
  /** Where its container begins (the `start` of the object or array it is in); -1 for the document itself. */
  parentStart: number;
  /** How many containers it is in (0 for the document). */
  depth: number;
  /** An object's members or an array's elements; 0 for other values. */
  count: number;
}

interface Frame {
  isObject: boolean;
  start: number;
  count: number;
  /** The container's own key, index and container in its parent, given back when it closes. */
  key: string | undefined;
  index: number;
  parentStart: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Every value of the JSON text `text`, in the order they end (a container after what it holds),
 * without building the document: so what was sent can be changed in place, span by span, keeping
 * everything else byte for byte (numbers past double precision, duplicate keys, spacing, escapes).
 * The grammar is JSON.parse's (RFC 8259: one value, whitespace around it); at the first thing that
 * is not JSON it throws a SyntaxError, so a caller acts on the spans only once the walk has ended.
 * Linear in the text's length and not recursive: the open containers are kept on an explicit
 * stack, so a 1,000,000-deep array from a hostile body is walked like a flat one.
 */
export function* jsonValueSpans(text: string): Generator<JsonValueSpan, void, undefined> {
  const stack: Frame[] = [];
  let pos = skipWhitespace(text, 0);
  // The key and index of the value about to be read, in the container on top of the stack.
  let key: string | undefined;
  let index = 0;
  for (;;) {
    const start = pos;
    const c = text.charCodeAt(pos);
    const parentStart = stack.length === 0 ? -1 : stack[stack.length - 1].start;
    let kind: JsonValueKind;
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const isObject = c === 0x7b;
      pos = skipWhitespace(text, pos + 1);
      if (text.charCodeAt(pos) !== (isObject ? 0x7d /* } */ : 0x5d) /* ] */) {
        // Its first member or element is read next.
        stack.push({ isObject, start, count: 0, key, index, parentStart });
        key = undefined;
        index = 0;
        if (isObject) [key, pos] = readKey(text, pos);
        continue;
      }
      pos++;
      kind = isObject ? "object" : "array";
    } else if (c === QUOTE) {
      pos = stringEnd(text, pos);
      kind = "string";
    } else if (c === 0x2d /* - */ || isDigit(c)) {
      pos = numberEnd(text, pos);
      kind = "number";
    } else {
      pos = literalEnd(text, pos);
      kind = "literal";
    }
    yield { kind, start, end: pos, key, index, parentStart, depth: stack.length, count: 0 };
    // After a value: a comma and the next one, or the end of its container (and maybe of several).
    for (;;) {
      if (stack.length === 0) {
        if (skipWhitespace(text, pos) !== text.length) throw syntaxError(text, skipWhitespace(text, pos));
        return;
      }
      const frame = stack[stack.length - 1];
      const close = frame.isObject ? 0x7d /* } */ : 0x5d; /* ] */
      pos = skipWhitespace(text, pos);
      const next = text.charCodeAt(pos);
      frame.count++;
      if (next === 0x2c /* , */) {
        pos = skipWhitespace(text, pos + 1);
        key = undefined;
        index = frame.count;
        if (frame.isObject) [key, pos] = readKey(text, pos);
        break;
      }
      if (next !== close) throw syntaxError(text, pos);
      stack.pop();
      pos++;
      yield {
        kind: frame.isObject ? "object" : "array",
        start: frame.start,
        end: pos,
        key: frame.key,
        index: frame.index,
        parentStart: frame.parentStart,
        depth: stack.length,
        count: frame.count,
      };
    }
  }
}

/** The member name at `pos` (unescaped) and where its value begins, past the colon. */
function readKey(text: string, pos: number): [string, number] {
  if (text.charCodeAt(pos) !== QUOTE) throw syntaxError(text, pos);
  const end = stringEnd(text, pos);
  const raw = text.slice(pos, end);
  const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  const colon = skipWhitespace(text, end);
  if (text.charCodeAt(colon) !== 0x3a /* : */) throw syntaxError(text, colon);
  return [key, skipWhitespace(text, colon + 1)];
}

/** Just past the closing quote of the string whose opening quote is at `pos`. */
function stringEnd(text: string, pos: number): number {
  for (let i = pos + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) throw syntaxError(text, i);
    if (c === BACKSLASH) {
      const e = text.charCodeAt(i + 1);
      if (e === 0x75 /* u */) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw syntaxError(text, i);
        i += 5;
      } else if ('"\\/bfnrt'.includes(text[i + 1] ?? "x")) {
        i++;
      } else {
        throw syntaxError(text, i);
      }
    }
  }
  throw syntaxError(text, text.length);
}

/** Just past the number at `pos`: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
function numberEnd(text: string, pos: number): number {
  let i = pos;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30 /* 0 */) i++;
  else i = digitsEnd(text, i);
  if (text.charCodeAt(i) === 0x2e /* . */) i = digitsEnd(text, i + 1);
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    i = digitsEnd(text, i);
  }
  return i;
}

/** Past a run of one or more digits at `pos`. */
function digitsEnd(text: string, pos: number): number {
  let i = pos;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i === pos) throw syntaxError(text, pos);
  return i;
}

function literalEnd(text: string, pos: number): number {
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, pos)) return pos + literal.length;
  }
  throw syntaxError(text, pos);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Past the JSON whitespace (space, tab, line feed, carriage return) at `pos`. */
function skipWhitespace(text: string, pos: number): number {
  let i = pos;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  return i;
}

function syntaxError(text: string, pos: number): SyntaxError {
  return new SyntaxError(pos >= text.length ? "Unexpected end of JSON input" : `Unexpected character at position ${pos}`);
}

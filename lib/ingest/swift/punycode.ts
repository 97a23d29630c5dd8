/**
 * Punycode (RFC 3492) as Swift mangles non-ASCII identifiers: "_" is the delimiter and the digits
 * 26–35 are "A"–"J" instead of "0"–"9" ("vergüenza" is mangled "0012vergenza_JFa"). Null when the
 * text is not valid or decodes to more than `maxLength` code points. Every loop consumes input.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const MAX_INT = 0x7fffffff;

export function decodeSwiftPunycode(input: string, maxLength: number): string | null {
  const out: number[] = [];
  const delimiter = input.lastIndexOf("_");
  for (let i = 0; i < delimiter; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x80) return null;
    out.push(c);
  }
  let pos = delimiter + 1;
  let n = 0x80;
  let bias = 72;
  let i = 0;
  while (pos < input.length) {
    const before = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit < 0 || digit > (MAX_INT - i) / weight) return null;
      i += digit * weight;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      if (weight > MAX_INT / (BASE - threshold)) return null;
      weight *= BASE - threshold;
    }
    const length = out.length + 1;
    bias = adapt(i - before, length, before === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    out.splice(i, 0, n);
    i++;
    if (out.length > maxLength) return null;
  }
  return String.fromCodePoint(...out);
}

/** "a"–"z" are 0–25, "A"–"J" are 26–35. */
function digitValue(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 74) return c - 65 + 26;
  return -1;
}

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) / 2) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

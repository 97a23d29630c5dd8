/**
 * Index of the "(" that matches the ")" ending `s`, scanning backwards so that
 * parentheses inside names ("(*Server).Handle", "eval at f (x.js:1:2)") are skipped.
 * Returns -1 when `s` does not end with ")" or is unbalanced. Linear time.
 */
export function matchingOpenParen(s: string): number {
  if (!s.endsWith(")")) return -1;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 41 /* ) */) depth++;
    else if (c === 40 /* ( */ && --depth === 0) return i;
  }
  return -1;
}

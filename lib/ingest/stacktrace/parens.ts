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

/**
 * `s` without what is between angle brackets: generic and template arguments may hold spaces
 * ("<T as core::ops::Fn>", "std::vector<int, std::allocator<int> >") where the name itself may not.
 */
export function outsideAngleBrackets(s: string): string {
  let depth = 0;
  let out = "";
  for (const c of s) {
    if (c === "<") depth++;
    else if (c === ">" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** Lines looked at above a mapped line for the function around it. */
export const MAX_SCAN_LINES = 200;
/** Characters of a line looked at for a definition. */
const MAX_LINE_CHARS = 400;

const NOT_NAMES = new Set(["if", "for", "while", "switch", "catch", "with", "return", "function", "typeof", "await", "new", "else", "do", "try", "super", "constructor"]);

/** Definitions, tried in order on one line: `function f(`, `f = (…) =>`, `f: function(`, a method `async f(…) {`. */
const DEFINITIONS: RegExp[] = [
  /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*[<(]/,
  /\b([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?(?:function\b|(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*(?::\s*[^=]{1,80})?=>)/,
  /^\s*(?:(?:export|default|public|private|protected|static|async|override|readonly|get|set)\s+)*\*?\s*([A-Za-z_$#][\w$]*)\s*(?:<[^>]{0,80}>)?\s*\([^)]*\)?\s*(?::\s*[^{]{1,120})?\{?\s*$/,
];
const CLOSER = /^\s*[}\])][}\]);,]*\s*$/;
const CLASS = /\bclass\s+([A-Za-z_$][\w$]*)/;
const CONSTRUCTOR = /^\s*(?:(?:public|private|protected)\s+)?constructor\s*\(/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The name of the function a line of JavaScript/TypeScript source lies in, as a reader names it
 * ("CheckoutService.checkout", "totalOf"): the nearest definition above it that is indented less
 * (or is the line itself), with its class when it is a method. A source map says where a minified
 * frame was in the original file; its `names` hold the identifier at that position (often what the
 * line calls), not the function around it, so the original source is read instead. Null when no
 * definition is found within 200 lines above.
 */
export function enclosingFunction(source: string, line: number): string | null {
  const lines = source.split("\n", line + 1);
  if (line < 1 || line > lines.length) return null;
  return enclosingFunctionIn(lines, line - 1);
}

/** The same, given the source's lines up to and including the mapped one (`index`, 0-based); only the MAX_SCAN_LINES above it are read. */
export function enclosingFunctionIn(lines: string[], index: number): string | null {
  if (index < 0 || index >= lines.length) return null;
  let limit = indentOf(lines[index]) + 1;
  let fn: string | null = null;
  for (let i = index; i >= 0 && i >= index - MAX_SCAN_LINES; i--) {
    // Clipped: a definition fits in its first characters, and the patterns stay linear on a long line.
    const text = lines[i].slice(0, MAX_LINE_CHARS);
    if (text.trim() === "" || indentOf(text) >= limit) continue;
    // A block closed above the line at this indentation: what it belonged to does not enclose the line.
    if (CLOSER.test(text)) {
      limit = indentOf(text);
      continue;
    }
    if (fn === null) {
      if (CONSTRUCTOR.test(text)) fn = "constructor";
      else {
        const name = DEFINITIONS.map((re) => re.exec(text)?.[1]).find((n) => n !== undefined && !NOT_NAMES.has(n));
        if (name) fn = name;
      }
      if (fn !== null) {
        limit = indentOf(text);
        continue;
      }
    } else {
      const cls = CLASS.exec(text)?.[1];
      if (cls) return `${cls}.${fn}`;
      if (DEFINITIONS.some((re) => re.test(text))) return fn; // a function inside a function: the inner one's name
    }
    limit = Math.min(limit, indentOf(text) + 1);
  }
  return fn;
}
